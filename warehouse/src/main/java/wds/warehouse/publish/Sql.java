package wds.warehouse.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * SQL kept in {@code .sql} files beside the classes that run it, and the quoting of identifiers
 * (table and column names, which cannot be bound as parameters). Values are always bound.
 */
public final class Sql {

  private Sql() {}

  /** The text of the resource {@code name} in the package of {@code owner}. */
  public static String load(Class<?> owner, String name) {
    try (InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing SQL resource " + name + " beside " + owner);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read SQL resource " + name, e);
    }
  }

  /** A DuckDB identifier in double quotes, inner quotes doubled. */
  public static String id(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** {@code "catalog"."main"."table"}. */
  public static String table(String catalog, String table) {
    return id(catalog) + ".main." + id(table);
  }

  /** A string literal, for the few statements that take no parameters (ATTACH, COPY). */
  public static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
