package wds.pipeline.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A statement kept in a {@code .sql} file beside this package ({@code wds/pipeline/jdbc/*.sql}),
 * with {@code ${name}} placeholders for identifiers that were validated and quoted before; values
 * are always bound, never placed.
 */
final class SqlTemplate {

  private SqlTemplate() {}

  static String load(String name) {
    String path = "wds/pipeline/jdbc/" + name;
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

  static String fill(String template, Map<String, String> identifiers) {
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
