package wds.warehouse.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A text resource of the warehouse module (a SQL model, a definition file), read from the class
 * path.
 */
public final class ClasspathText {

  private ClasspathText() {}

  /** The resource's text; fails naming the resource when it is missing. */
  public static String read(String name) {
    return find(name)
        .orElseThrow(
            () -> new IllegalStateException("resource missing from the class path: " + name));
  }

  /** The resource's text, or empty when there is no such resource. */
  public static Optional<String> find(String name) {
    try (InputStream in = ClasspathText.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }
}
