package wds.warehouse.sql;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL file with named slots ({@code {{fact}}}), the way dbt fills a model's Jinja: only names of
 * models and columns and the expressions of definition files go into a slot, never a value (values
 * are bound as {@code ?} parameters). Every slot must be filled, and no other.
 *
 * @param name the resource the SQL came from, for messages
 * @param text the SQL with its slots
 */
public record SqlTemplate(String name, String text) {

  private static final Pattern SLOT = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** The template in the class-path resource {@code name}. */
  public static SqlTemplate load(String name) {
    return new SqlTemplate(name, ClasspathText.read(name));
  }

  /** The SQL with every slot replaced by its text from {@code slots}. */
  public String render(Map<String, String> slots) {
    Matcher m = SLOT.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = slots.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException(name + ": slot {{" + m.group(1) + "}} not filled");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The SQL as it is, for a file without slots. */
  public String sql() {
    return render(Map.of());
  }

  /** A name (of a model, a column, a catalog) checked to be a plain identifier, then quoted. */
  public static String identifier(String name) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain SQL identifier: " + name);
    }
    return "\"" + name + "\"";
  }

  /**
   * A catalog name quoted as an identifier (any name: quotes inside are doubled), for the catalogs
   * a caller attaches, whose file names need not be plain identifiers.
   */
  public static String quoted(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("empty catalog name");
    }
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /**
   * An expression from a definition file, checked to be one expression: no statement separator or
   * comment can smuggle a second statement in.
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
}
