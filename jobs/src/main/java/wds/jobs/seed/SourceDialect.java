package wds.jobs.seed;

import java.util.Locale;
import wds.schemas.Column;
import wds.schemas.ExtractSchema;
import wds.schemas.sql.SqlFile;

/**
 * What differs between the source databases seed-sources writes, PostgreSQL and MySQL/MariaDB: the
 * timestamp type and the statements under {@code wds/jobs/seed/<dialect>/}.
 */
enum SourceDialect {
  POSTGRESQL("postgresql", "TIMESTAMP"),
  MARIADB("mariadb", "DATETIME");

  /** Longest value of a key column (a composite key must fit MariaDB's 3072-byte index limit). */
  static final int KEY_LENGTH = 100;

  /** Longest value of any other text column. */
  static final int TEXT_LENGTH = 1000;

  private final String folder;
  private final String timestampType;

  SourceDialect(String folder, String timestampType) {
    this.folder = folder;
    this.timestampType = timestampType;
  }

  static SourceDialect of(String jdbcUrl) {
    String url = jdbcUrl.toLowerCase(Locale.ROOT);
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
      return MARIADB;
    }
    throw new IllegalArgumentException(
        "seed-sources writes PostgreSQL or MySQL/MariaDB databases only, not "
            + jdbcUrl.split("\\?")[0]);
  }

  /** A statement template of this dialect ({@code create_table}, {@code upsert}, ...). */
  SqlFile sql(String name) {
    return SqlFile.load("wds/jobs/seed/" + folder + "/" + name + ".sql").withoutComments();
  }

  /** The column type of {@code column} in a source table. */
  String type(Column column, ExtractSchema schema) {
    return switch (column.type()) {
      case STR, CODE, AREA, ID_NUMBER -> "VARCHAR(" + maxLength(column, schema) + ")";
      case INT -> "BIGINT";
      case DEC -> "DECIMAL(18,4)";
      case DATE -> "DATE";
      case TS -> timestampType;
      case FLAG -> "CHAR(1)";
    };
  }

  /** The most characters a text or flag column holds; 0 for other types. */
  static int maxLength(Column column, ExtractSchema schema) {
    return switch (column.type()) {
      case STR, CODE, AREA, ID_NUMBER ->
          schema.primaryKey().contains(column.name()) ? KEY_LENGTH : TEXT_LENGTH;
      case FLAG -> 1;
      default -> 0;
    };
  }
}
