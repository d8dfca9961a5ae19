package wds.pipeline.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A statement kept in a {@code .sql} file on the class path, with {@code ${name}} placeholders for
 * identifiers that were validated and quoted before; values are always bound, never placed.
 */
public final class SqlTemplate {

  private SqlTemplate() {}

  /** A file of this package ({@code wds/pipeline/jdbc/<name>}), without its comment lines. */
  static String load(String name) {
    return loadResource("wds/pipeline/jdbc/" + name);
  }

  /** A class-path resource, without its comment lines. */
  public static String loadResource(String path) {
    try (InputStream in = SqlTemplate.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("SQL file missing from the class path: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.stripLeading().startsWith("--"))
          .collect(Collectors.joining("\n"))
          .strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The template with every placeholder replaced; an unfilled one is an error. */
  public static String fill(String template, Map<String, String> identifiers) {
    String sql = template;
    for (Map.Entry<String, String> e : identifiers.entrySet()) {
      sql = sql.replace("${" + e.getKey() + "}", e.getValue());
    }
    if (sql.contains("${")) {
      throw new IllegalStateException("unfilled placeholder in " + sql);
    }
    return sql;
  }
}
