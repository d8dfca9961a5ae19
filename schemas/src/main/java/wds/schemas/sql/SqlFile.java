package wds.schemas.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A SQL file on the class path with named slots ({@code {{table}}}, spaces inside the braces
 * allowed), the one way every module reads its SQL (and its other text resources).
 *
 * <p>Only names (quoted by {@link #quote}, {@link #identifier}) and checked expressions ({@link
 * #expression}) go into a slot, never a value: values are bound as {@code ?} parameters. Every slot
 * of the file must be filled; a slot left unfilled is an error naming the file and the slot.
 *
 * @param resource the class-path resource the text came from, for messages
 * @param text the text with its slots
 */
public record SqlFile(String resource, String text) {

  private static final Pattern SLOT = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern STATEMENT_END = Pattern.compile(";\\s*\n");

  /** The file at the class-path resource {@code resource} ({@code wds/warehouse/...sql}). */
  public static SqlFile load(String resource) {
    return new SqlFile(resource, text(resource));
  }

  /**
   * The file {@code name} in the package of {@code owner}, the way a class keeps its SQL beside.
   */
  public static SqlFile load(Class<?> owner, String name) {
    return load(owner.getPackageName().replace('.', '/') + "/" + name);
  }

  /** The text of a class-path resource (SQL, YAML, CSV); fails naming it when it is missing. */
  public static String text(String resource) {
    return find(resource)
        .orElseThrow(
            () -> new IllegalStateException("resource missing from the class path: " + resource));
  }

  /** The text of a class-path resource, or empty when there is no such resource. */
  public static Optional<String> find(String resource) {
    try (InputStream in = SqlFile.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /**
   * The file without its comment lines (those starting with {@code --}), stripped: for a file that
   * is split into statements, or sent to a database whose driver does not take comments well.
   */
  public SqlFile withoutComments() {
    return new SqlFile(
        resource,
        text.lines()
            .filter(line -> !line.stripLeading().startsWith("--"))
            .collect(Collectors.joining("\n"))
            .strip());
  }

  /** The text with every slot replaced by its text from {@code slots} (which may hold more). */
  public String render(Map<String, String> slots) {
    String outside = SLOT.matcher(text).replaceAll("");
    int bad = outside.indexOf("{{");
    if (bad >= 0) {
      String slot =
          outside.substring(bad, Math.min(outside.length(), bad + 40)).lines().findFirst().get();
      throw new IllegalArgumentException(resource + ": not a slot {{name}}: " + slot);
    }
    Matcher m = SLOT.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = slots.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException(resource + ": slot {{" + m.group(1) + "}} not filled");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The text as it is, for a file without slots (one with a slot is an error). */
  public String sql() {
    return render(Map.of());
  }

  /**
   * The statements of the file with its slots filled, split where a line ends in {@code ;}, each
   * stripped and without its {@code ;}; blank ones left out.
   */
  public List<String> statements(Map<String, String> slots) {
    List<String> statements = new ArrayList<>();
    for (String statement : STATEMENT_END.split(render(slots))) {
      if (!statement.isBlank()) {
        statements.add(statement.strip().replaceAll(";$", ""));
      }
    }
    return statements;
  }

  /** The one statement of the file with its slots filled; fails when the file holds more. */
  public String statement(Map<String, String> slots) {
    List<String> statements = statements(slots);
    if (statements.size() != 1) {
      throw new IllegalStateException(resource + " holds " + statements.size() + " statements");
    }
    return statements.get(0);
  }

  /** Any name in double quotes, embedded quotes doubled (a catalog named after its file). */
  public static String quote(String name) {
    return quote(name, "\"");
  }

  /**
   * Any name in the quote mark {@code mark} (a database's, from JDBC metadata: a backtick on
   * MariaDB), embedded marks doubled; a blank mark (the database quotes nothing) leaves it as is.
   */
  public static String quote(String name, String mark) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("empty SQL identifier");
    }
    if (mark == null || mark.isBlank()) {
      return name;
    }
    return mark + name.replace(mark, mark + mark) + mark;
  }

  /** A name (of a model, a column) checked to be a plain identifier, then quoted. */
  public static String identifier(String name) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain SQL identifier: " + name);
    }
    return quote(name);
  }

  /**
   * An expression from a definition file, checked to be one expression: no statement separator or
   * comment can smuggle a second statement in.
   *
   * @param source the file the expression came from, for the message
   */
  public static String expression(String source, String expression) {
    if (expression == null || expression.isBlank()) {
      throw new IllegalArgumentException(source + ": empty expression");
    }
    if (expression.contains(";") || expression.contains("--") || expression.contains("/*")) {
      throw new IllegalArgumentException(
          source + ": an expression may not hold ';' or a comment: " + expression);
    }
    return expression.strip();
  }

  /**
   * A string literal, single quotes doubled, for the few statements that take no parameter
   * (DuckDB's {@code ATTACH} and {@code COPY} of a file path).
   */
  public static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
