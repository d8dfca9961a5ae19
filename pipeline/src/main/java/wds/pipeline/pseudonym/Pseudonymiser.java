package wds.pipeline.pseudonym;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import wds.pipeline.person.IdentityNumber;

/**
 * Turns identity numbers into person keys: HMAC-SHA-256 of the normalised 18-character number under
 * a secret kept outside the code and the warehouse, as hex. The same person gets the same key in
 * every source, so sources link; without the secret a key cannot be turned back.
 */
public final class Pseudonymiser {

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec secret;
  private final ThreadLocal<Mac> macs;

  private Pseudonymiser(byte[] key) {
    if (key.length < 16) {
      throw new IllegalArgumentException("the pseudonymisation secret must have at least 16 bytes");
    }
    this.secret = new SecretKeySpec(key.clone(), ALGORITHM);
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  /** A pseudonymiser under the given secret bytes. */
  public static Pseudonymiser fromKey(byte[] key) {
    return new Pseudonymiser(key);
  }

  /** The person key of an identity number. */
  public String key(IdentityNumber id) {
    byte[] digest = macs.get().doFinal(id.normalised().getBytes(StandardCharsets.US_ASCII));
    return HexFormat.of().formatHex(digest);
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
