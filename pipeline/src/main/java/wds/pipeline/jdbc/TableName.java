package wds.pipeline.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import wds.schemas.sql.SqlFile;

/**
 * The name of a source table or view, {@code table} or {@code schema.table}, checked to be a plain
 * SQL identifier so that configuration can never smuggle SQL into a query.
 *
 * <p>It is quoted when used (so a reserved word such as {@code level} or {@code year} is harmless),
 * after folding its case as the database folds unquoted names: {@code births} finds {@code BIRTHS}
 * on a database that stores upper case, and stays {@code births} on PostgreSQL and MariaDB.
 */
public record TableName(List<String> parts) {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  public TableName {
    parts = List.copyOf(parts);
  }

  /**
   * Parses a configured name.
   *
   * @throws IllegalArgumentException naming the value when it is not one or two plain identifiers
   */
  public static TableName parse(String name) {
    if (name == null) {
      throw new IllegalArgumentException("no table name");
    }
    String[] parts = name.split("\\.", -1);
    if (parts.length > 2) {
      throw new IllegalArgumentException(
          "table name '" + name + "' must be table or schema.table, letters, digits and _ only");
    }
    for (String part : parts) {
      if (!IDENTIFIER.matcher(part).matches()) {
        throw new IllegalArgumentException(
            "table name '" + name + "' must be table or schema.table, letters, digits and _ only");
      }
    }
    return new TableName(List.of(parts));
  }

  /** The name quoted for the database behind {@code meta}, case folded as it folds plain names. */
  public String quoted(DatabaseMetaData meta) throws SQLException {
    List<String> quoted = new ArrayList<>();
    for (String part : parts) {
      quoted.add(SqlFile.quote(fold(part, meta), meta.getIdentifierQuoteString()));
    }
    return String.join(".", quoted);
  }

  private static String fold(String part, DatabaseMetaData meta) throws SQLException {
    if (meta.storesUpperCaseIdentifiers()) {
      return part.toUpperCase(Locale.ROOT);
    }
    if (meta.storesLowerCaseIdentifiers()) {
      return part.toLowerCase(Locale.ROOT);
    }
    return part;
  }

  @Override
  public String toString() {
    return String.join(".", parts);
  }
}
