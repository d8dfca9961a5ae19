package wds.pipeline.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL statement kept as a {@code .sql} file beside this class ({@code wds/pipeline/load/sql/}).
 * The loader is generic over the extract schemas, so table and column names are filled in from the
 * schema as quoted identifiers ({@code {{table}}}); values are always bound as {@code ?}
 * parameters.
 */
public final class SqlTemplate {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

  private final String name;
  private final String text;

  private SqlTemplate(String name, String text) {
    this.name = name;
    this.text = text;
  }

  public static SqlTemplate load(String name) {
    String path = "wds/pipeline/load/sql/" + name + ".sql";
    try (InputStream in = SqlTemplate.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("SQL file missing from the class path: " + path);
      }
      StringBuilder sql = new StringBuilder();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.stripLeading().startsWith("--")) {
          sql.append(line).append('\n');
        }
      }
      return new SqlTemplate(name, sql.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The statements of the file with every placeholder filled, split at {@code ;} line ends. */
  public List<String> statements(Map<String, String> fragments) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder filled = new StringBuilder();
    while (m.find()) {
      String fragment = fragments.get(m.group(1));
      if (fragment == null) {
        throw new IllegalArgumentException(name + ".sql needs {{" + m.group(1) + "}}");
      }
      m.appendReplacement(filled, Matcher.quoteReplacement(fragment));
    }
    m.appendTail(filled);
    List<String> statements = new ArrayList<>();
    for (String statement : filled.toString().split(";\\s*\n")) {
      if (!statement.isBlank()) {
        statements.add(statement.strip().replaceAll(";$", ""));
      }
    }
    return statements;
  }

  /** The single statement of the file. */
  public String statement(Map<String, String> fragments) {
    List<String> statements = statements(fragments);
    if (statements.size() != 1) {
      throw new IllegalStateException(name + ".sql holds " + statements.size() + " statements");
    }
    return statements.get(0);
  }

  /** A quoted SQL identifier (names come from the schema files, never from delivered data). */
  public static String identifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
