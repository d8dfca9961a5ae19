package wds.pipeline.pseudonym;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import wds.pipeline.person.IdentityNumber;

/**
 * Turns identity numbers into person keys: HMAC-SHA-256 of the normalised 18-character number under
 * a secret kept outside the code and the warehouse, as hex. The same person gets the same key in
 * every source, so sources link; without the secret a key cannot be turned back.
 *
 * <p>The secret comes from the environment variable {@value #ENV} (base64 of at least 16 bytes)
 * when it is set, otherwise from a key file holding base64 of 32 random bytes. No message of this
 * class ever shows the secret.
 */
public final class Pseudonymiser {

  /** The environment variable that, when set, holds the secret as base64. */
  public static final String ENV = "WDS_PSEUDONYM_KEY";

  private static final String ALGORITHM = "HmacSHA256";
  private static final int MIN_KEY_BYTES = 16;
  private static final int NEW_KEY_BYTES = 32;
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private final SecretKeySpec secret;
  private final ThreadLocal<Mac> macs;

  private Pseudonymiser(byte[] key) {
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException("the pseudonymisation secret must have at least 16 bytes");
    }
    this.secret = new SecretKeySpec(key.clone(), ALGORITHM);
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  /** A pseudonymiser under the given secret bytes. */
  public static Pseudonymiser fromKey(byte[] key) {
    return new Pseudonymiser(key);
  }

  /**
   * The pseudonymiser of this installation: the secret from {@value #ENV} when set, else from
   * {@code keyFile}.
   *
   * @param keyFile where the secret is kept (base64 of 32 random bytes, one line)
   * @param createIfMissing when the variable is unset and the file absent, create the file with a
   *     new random secret (mode 0600, its directory 0700); otherwise that is an error
   * @throws IOException the secret cannot be read or is unusable; the message never shows it
   */
  public static Pseudonymiser load(Path keyFile, boolean createIfMissing) throws IOException {
    return load(keyFile, createIfMissing, System.getenv());
  }

  /** {@link #load(Path, boolean)} with the environment given, for tests. */
  static Pseudonymiser load(Path keyFile, boolean createIfMissing, Map<String, String> env)
      throws IOException {
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return new Pseudonymiser(decode(fromEnv, "environment variable " + ENV));
    }
    if (!Files.exists(keyFile)) {
      if (!createIfMissing) {
        throw new IOException(
            "no pseudonymisation secret: "
                + ENV
                + " is not set and "
                + keyFile
                + " does not exist");
      }
      create(keyFile);
    }
    String content = Files.readString(keyFile, StandardCharsets.US_ASCII);
    return new Pseudonymiser(decode(content, "key file " + keyFile));
  }

  private static byte[] decode(String base64, String where) throws IOException {
    byte[] key;
    try {
      key = Base64.getMimeDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      // the decoder's message could quote the secret: leave it out
      throw new IOException("the pseudonymisation secret in " + where + " is not valid base64");
    }
    if (key.length < MIN_KEY_BYTES) {
      throw new IOException(
          "the pseudonymisation secret in "
              + where
              + " has "
              + key.length
              + " bytes, at least 16 are needed");
    }
    return key;
  }

  private static void create(Path keyFile) throws IOException {
    Path dir = keyFile.toAbsolutePath().getParent();
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(dir)) {
      if (posix) {
        Files.createDirectories(dir, attribute("rwx------"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      } else {
        Files.createDirectories(dir);
      }
    }
    byte[] key = new byte[NEW_KEY_BYTES];
    new SecureRandom().nextBytes(key);
    byte[] line =
        (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
    // created with its final mode in one step, so the secret is never readable by others
    Set<StandardOpenOption> options =
        EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try (SeekableByteChannel out =
        posix
            ? Files.newByteChannel(keyFile, options, attribute("rw-------"))
            : Files.newByteChannel(keyFile, options)) {
      out.write(ByteBuffer.wrap(line));
    } catch (FileAlreadyExistsException e) {
      // another process made it first: use theirs
    }
  }

  private static FileAttribute<Set<PosixFilePermission>> attribute(String mode) {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode));
  }

  /** The person key of an identity number: 64 lower-case hex digits. */
  public String key(IdentityNumber id) {
    String number = id.normalised();
    byte[] input = new byte[number.length()];
    for (int i = 0; i < input.length; i++) {
      input[i] = (byte) number.charAt(i); // the normalised number is ASCII
    }
    return hex(macs.get().doFinal(input));
  }

  private static String hex(byte[] digest) {
    byte[] hex = new byte[digest.length * 2];
    for (int i = 0; i < digest.length; i++) {
      hex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
      hex[2 * i + 1] = HEX[digest[i] & 0xf];
    }
    return new String(hex, StandardCharsets.ISO_8859_1);
  }

  /**
   * The keyed hash of a free-text key that may embed an identity number (a student number), so the
   * same value gets the same key on every load and the value itself is never kept.
   */
  public String keyOfText(String value) {
    return hex(macs.get().doFinal(("text:" + value).getBytes(StandardCharsets.UTF_8)));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(secret);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "Pseudonymiser[HMAC-SHA-256]";
  }
}
