package wds.pipeline.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import wds.schemas.ColumnType;
import wds.schemas.CountyClock;

/**
 * How a value of a source database's column is written as the text a delivered file would carry, so
 * a JDBC pull and a file reach the validator alike: dates {@code yyyy-MM-dd}, timestamps {@code
 * yyyy-MM-ddTHH:mm:ss} in county time, numbers without trailing zeros, booleans {@code Y}/{@code
 * N}, NULL as the empty string.
 */
final class ContractText {

  /** County time (UTC+8): a zoned timestamp is shown as the county's wall clock. */

  /** Seconds always present, fraction only when not zero (as the files carry them). */
  static final DateTimeFormatter TIMESTAMP =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .toFormatter(Locale.ROOT);

  private ContractText() {}

  /** The text of column {@code i} (1-based) of the current row; a schema flag gets Y/N. */
  static String of(ResultSet rs, int i, ColumnType schemaType) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int type = meta.getColumnType(i);
    String typeName = meta.getColumnTypeName(i);
    String text =
        switch (type) {
          case Types.DATE -> date(rs.getObject(i, LocalDate.class));
          case Types.TIMESTAMP ->
              isZoned(typeName)
                  ? zoned(rs.getObject(i, OffsetDateTime.class))
                  : timestamp(rs.getObject(i, LocalDateTime.class));
          case Types.TIMESTAMP_WITH_TIMEZONE -> zoned(rs.getObject(i, OffsetDateTime.class));
          case Types.TIME -> time(rs.getObject(i, LocalTime.class));
          case Types.BIT, Types.BOOLEAN -> flag(rs.getBoolean(i), rs.wasNull());
          case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT ->
              integer(rs.getLong(i), rs.wasNull(), schemaType);
          case Types.DECIMAL, Types.NUMERIC -> number(rs.getBigDecimal(i), schemaType);
          case Types.REAL, Types.FLOAT, Types.DOUBLE -> floating(rs.getDouble(i), rs.wasNull());
          default -> rs.getString(i);
        };
    return text == null ? "" : text;
  }

  /**
   * The value of an {@code updated_at} column as a timestamp, for the high-water mark; null when it
   * is NULL or, in a text column, not an ISO timestamp (such a row is rejected by the validator).
   */
  static LocalDateTime timestampOf(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return LocalDateTime.parse(text);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static boolean isZoned(String typeName) {
    return typeName != null
        && (typeName.equalsIgnoreCase("timestamptz")
            || typeName.toLowerCase(Locale.ROOT).contains("with time zone"));
  }

  private static String date(LocalDate d) {
    return d == null ? null : d.toString();
  }

  private static String timestamp(LocalDateTime t) {
    return t == null ? null : TIMESTAMP.format(t);
  }

  private static String zoned(OffsetDateTime t) {
    return t == null
        ? null
        : TIMESTAMP.format(t.atZoneSameInstant(CountyClock.ZONE).toLocalDateTime());
  }

  private static String time(LocalTime t) {
    return t == null ? null : t.toString();
  }

  private static String flag(boolean value, boolean wasNull) {
    return wasNull ? null : value ? "Y" : "N";
  }

  private static String integer(long value, boolean wasNull, ColumnType schemaType) {
    if (wasNull) {
      return null;
    }
    if (schemaType == ColumnType.FLAG && (value == 0 || value == 1)) {
      // a flag kept as 0/1 (TINYINT, NUMBER(1)) is a boolean to the contract
      return value == 1 ? "Y" : "N";
    }
    return Long.toString(value);
  }

  private static String number(BigDecimal value, ColumnType schemaType) {
    if (value != null && schemaType == ColumnType.FLAG) {
      // a flag kept as NUMBER(1) (Oracle has no boolean column) is a boolean to the contract
      if (value.compareTo(BigDecimal.ONE) == 0) {
        return "Y";
      }
      if (value.signum() == 0) {
        return "N";
      }
    }
    return decimal(value);
  }

  static String decimal(BigDecimal value) {
    if (value == null) {
      return null;
    }
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }

  private static String floating(double value, boolean wasNull) {
    return wasNull ? null : decimal(BigDecimal.valueOf(value));
  }
}
