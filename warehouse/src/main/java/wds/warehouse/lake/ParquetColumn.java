package wds.warehouse.lake;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;
import wds.schemas.sql.SqlFile;

/**
 * One DuckDB column as a Parquet column: its Parquet type (every column optional, so NULLs stay
 * NULLs), the expression that selects it, and how a value of the result is written.
 *
 * <p>VARCHAR is a UTF-8 string; TINYINT, SMALLINT and INTEGER are INT32 and BIGINT INT64 with their
 * integer annotations; DOUBLE and FLOAT stay; DECIMAL(p,s) keeps its DECIMAL logical type (INT32 up
 * to 9 digits, INT64 up to 18, fixed-length bytes beyond); DATE is INT32 DATE; TIMESTAMP and
 * TIMESTAMP WITH TIME ZONE are INT64 TIMESTAMP in microseconds (selected as {@code epoch_us}, so no
 * time zone of this JVM touches them); BOOLEAN stays. Any other type (intervals, lists, unsigned
 * 64-bit integers ...) is written as its DuckDB text form.
 */
public record ParquetColumn(String name, PrimitiveType type, String select, Kind kind) {

  /** How a value is taken from the result and given to Parquet. */
  enum Kind {
    STRING,
    BOOLEAN,
    INT32,
    INT64,
    FLOAT,
    DOUBLE,
    DECIMAL_INT32,
    DECIMAL_INT64,
    DECIMAL_BYTES,
    DATE,
    TIMESTAMP
  }

  private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),\\s*(\\d+)\\)");

  /** The Parquet column for a DuckDB column of {@code dataType}. */
  public static ParquetColumn of(String name, String dataType) {
    String type = dataType.toUpperCase(Locale.ROOT).strip();
    String column = SqlFile.quote(name);
    Matcher decimal = DECIMAL.matcher(type);
    if (decimal.matches()) {
      int precision = Integer.parseInt(decimal.group(1));
      int scale = Integer.parseInt(decimal.group(2));
      LogicalTypeAnnotation annotation = LogicalTypeAnnotation.decimalType(scale, precision);
      if (precision <= 9) {
        return new ParquetColumn(
            name, primitive(PrimitiveTypeName.INT32, annotation, name), column, Kind.DECIMAL_INT32);
      }
      if (precision <= 18) {
        return new ParquetColumn(
            name, primitive(PrimitiveTypeName.INT64, annotation, name), column, Kind.DECIMAL_INT64);
      }
      PrimitiveType bytes =
          Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, Repetition.OPTIONAL)
              .length(16)
              .as(annotation)
              .named(name);
      return new ParquetColumn(name, bytes, column, Kind.DECIMAL_BYTES);
    }
    return switch (type) {
      case "VARCHAR" -> string(name, column);
      case "BOOLEAN" ->
          new ParquetColumn(
              name, primitive(PrimitiveTypeName.BOOLEAN, null, name), column, Kind.BOOLEAN);
      case "TINYINT" -> int32(name, column, 8);
      case "SMALLINT" -> int32(name, column, 16);
      case "INTEGER" -> int32(name, column, 32);
      case "UTINYINT", "USMALLINT", "UINTEGER" -> int64(name, column);
      case "BIGINT" -> int64(name, column);
      case "FLOAT" ->
          new ParquetColumn(
              name, primitive(PrimitiveTypeName.FLOAT, null, name), column, Kind.FLOAT);
      case "DOUBLE" ->
          new ParquetColumn(
              name, primitive(PrimitiveTypeName.DOUBLE, null, name), column, Kind.DOUBLE);
      case "DATE" ->
          new ParquetColumn(
              name,
              primitive(PrimitiveTypeName.INT32, LogicalTypeAnnotation.dateType(), name),
              column,
              Kind.DATE);
      case "TIMESTAMP", "TIMESTAMP WITH TIME ZONE" ->
          new ParquetColumn(
              name,
              primitive(
                  PrimitiveTypeName.INT64,
                  LogicalTypeAnnotation.timestampType(!type.equals("TIMESTAMP"), TimeUnit.MICROS),
                  name),
              "epoch_us(" + column + ")",
              Kind.TIMESTAMP);
      default -> string(name, "CAST(" + column + " AS VARCHAR)");
    };
  }

  /**
   * The expression that gives this column its lake type when DuckDB writes the file itself ({@code
   * COPY}): the column as it is where DuckDB's Parquet type is already this one's, else cast (text
   * for types the lake keeps as text, BIGINT for unsigned integers).
   */
  public String copyExpression() {
    String column = SqlFile.quote(name);
    return switch (kind) {
      case STRING -> select + " AS " + column;
      case INT64 -> "CAST(" + column + " AS BIGINT) AS " + column;
      default -> column;
    };
  }

  private static ParquetColumn string(String name, String select) {
    return new ParquetColumn(
        name,
        primitive(PrimitiveTypeName.BINARY, LogicalTypeAnnotation.stringType(), name),
        select,
        Kind.STRING);
  }

  private static ParquetColumn int32(String name, String column, int bits) {
    return new ParquetColumn(
        name,
        primitive(PrimitiveTypeName.INT32, LogicalTypeAnnotation.intType(bits, true), name),
        column,
        Kind.INT32);
  }

  private static ParquetColumn int64(String name, String column) {
    return new ParquetColumn(
        name,
        primitive(PrimitiveTypeName.INT64, LogicalTypeAnnotation.intType(64, true), name),
        column,
        Kind.INT64);
  }

  private static PrimitiveType primitive(
      PrimitiveTypeName physical, LogicalTypeAnnotation logical, String name) {
    return Types.primitive(physical, Repetition.OPTIONAL).as(logical).named(name);
  }

  /**
   * Writes the value of result column {@code index} (1-based) as field {@code field} (0-based), or
   * nothing when it is NULL.
   */
  void write(ResultSet row, int index, int field, RecordConsumer out) throws SQLException {
    switch (kind) {
      case STRING -> {
        String value = row.getString(index);
        if (value != null) {
          emit(out, field, () -> out.addBinary(Binary.fromString(value)));
        }
      }
      case BOOLEAN -> {
        boolean value = row.getBoolean(index);
        if (!row.wasNull()) {
          emit(out, field, () -> out.addBoolean(value));
        }
      }
      case INT32 -> {
        int value = row.getInt(index);
        if (!row.wasNull()) {
          emit(out, field, () -> out.addInteger(value));
        }
      }
      case INT64, TIMESTAMP -> {
        long value = row.getLong(index);
        if (!row.wasNull()) {
          emit(out, field, () -> out.addLong(value));
        }
      }
      case FLOAT -> {
        float value = row.getFloat(index);
        if (!row.wasNull()) {
          emit(out, field, () -> out.addFloat(value));
        }
      }
      case DOUBLE -> {
        double value = row.getDouble(index);
        if (!row.wasNull()) {
          emit(out, field, () -> out.addDouble(value));
        }
      }
      case DATE -> {
        LocalDate value = row.getObject(index, LocalDate.class);
        if (value != null) {
          emit(out, field, () -> out.addInteger(Math.toIntExact(value.toEpochDay())));
        }
      }
      case DECIMAL_INT32, DECIMAL_INT64, DECIMAL_BYTES -> {
        BigDecimal value = row.getBigDecimal(index);
        if (value != null) {
          int scale =
              type.getLogicalTypeAnnotation()
                      instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d
                  ? d.getScale()
                  : 0;
          var unscaled = value.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
          switch (kind) {
            case DECIMAL_INT32 -> emit(out, field, () -> out.addInteger(unscaled.intValueExact()));
            case DECIMAL_INT64 -> emit(out, field, () -> out.addLong(unscaled.longValueExact()));
            default ->
                emit(
                    out,
                    field,
                    () -> out.addBinary(Binary.fromConstantByteArray(bytes16(unscaled))));
          }
        }
      }
    }
  }

  private void emit(RecordConsumer out, int field, Runnable add) {
    out.startField(name, field);
    add.run();
    out.endField(name, field);
  }

  /** Big-endian two's complement in 16 bytes, sign-extended, as Parquet stores wide decimals. */
  private static byte[] bytes16(java.math.BigInteger unscaled) {
    byte[] minimal = unscaled.toByteArray();
    byte[] full = new byte[16];
    Arrays.fill(full, 0, 16 - minimal.length, (byte) (unscaled.signum() < 0 ? 0xFF : 0));
    System.arraycopy(minimal, 0, full, 16 - minimal.length, minimal.length);
    return full;
  }
}
