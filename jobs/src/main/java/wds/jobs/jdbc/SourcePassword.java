package wds.jobs.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Where a source database's password comes from: the environment variable {@code
 * WDS_SOURCE_<SOURCE>_PASSWORD}, else the source's {@code password-file}, else none (a URL or
 * driver that needs none). Never from a configuration file, and never logged or audited.
 */
public final class SourcePassword {

  private SourcePassword() {}

  /** The environment variable holding {@code source}'s password. */
  public static String variable(String source) {
    return "WDS_SOURCE_" + source.toUpperCase(Locale.ROOT) + "_PASSWORD";
  }

  /**
   * The password of {@code source}, or null when there is none.
   *
   * @param environment how to read an environment variable ({@code System::getenv})
   */
  public static char[] of(String source, Path passwordFile, UnaryOperator<String> environment) {
    String fromEnvironment = environment.apply(variable(source));
    if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
      return fromEnvironment.toCharArray();
    }
    if (passwordFile == null) {
      return null;
    }
    try {
      String first =
          Files.readString(passwordFile, StandardCharsets.UTF_8).lines().findFirst().orElse("");
      return first.toCharArray();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the password file of source " + source + ": " + passwordFile, e);
    }
  }
}
