package wds.jobs.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import wds.jobs.OperatorException;

/**
 * The dashboard's users: {@code <home>/state/users}, one line {@code name:bcrypt-hash} per user,
 * mode 0600 in the operator-only {@code state/}. No password is ever kept, only its bcrypt hash
 * (cost 12). The file is rewritten aside and renamed over the old one, so a reader never sees half
 * of it.
 */
public record Users(Path file) {

  /** A user name: letters, digits, dot, dash, underscore; 1 to 64 characters. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** The shortest password accepted. */
  static final int MIN_PASSWORD = 10;

  static final BCryptPasswordEncoder ENCODER = new BCryptPasswordEncoder(12);

  /** The users file of a home's state folder. */
  public static Users of(Path stateFolder) {
    return new Users(stateFolder.resolve("users"));
  }

  /** The users and their hashes, in the file's order; empty when there is no file. */
  public Map<String, String> read() {
    Map<String, String> users = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return users;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          users.put(line.substring(0, colon), line.substring(colon + 1).strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return users;
  }

  public boolean isEmpty() {
    return read().isEmpty();
  }

  /** The bcrypt hash of a user, if there is one. */
  public Optional<String> hash(String name) {
    return Optional.ofNullable(read().get(name));
  }

  /**
   * Adds a user, or gives an existing one a new password.
   *
   * @return true when the user is new
   */
  public boolean put(String name, char[] password) {
    checkName(name);
    if (password.length < MIN_PASSWORD) {
      throw new OperatorException(
          "the password must have at least " + MIN_PASSWORD + " characters");
    }
    Map<String, String> users = read();
    boolean added = !users.containsKey(name);
    users.put(name, ENCODER.encode(new String(password)));
    write(users);
    return added;
  }

  /**
   * Removes a user.
   *
   * @return false when there was no such user
   */
  public boolean remove(String name) {
    Map<String, String> users = read();
    if (users.remove(name) == null) {
      return false;
    }
    write(users);
    return true;
  }

  private static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new OperatorException(
          "a user name has 1 to 64 letters, digits, dots, dashes or underscores");
    }
  }

  private void write(Map<String, String> users) {
    StringBuilder text = new StringBuilder();
    users.forEach((name, hash) -> text.append(name).append(':').append(hash).append('\n'));
    try {
      Files.createDirectories(file.getParent());
      Path aside = file.resolveSibling(".users.new");
      Files.deleteIfExists(aside);
      Files.createFile(
          aside,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(aside, text, StandardCharsets.UTF_8);
      Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new OperatorException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
