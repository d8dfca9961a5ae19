package wds.jobs.seed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import wds.schemas.Column;
import wds.schemas.ColumnType;
import wds.schemas.ExtractSchema;

/**
 * Turns a delivered text value into the typed value a source table column stores, strictly by the
 * contract's formats: a value the column cannot hold makes the row unstorable (it could not exist
 * in a typed source database), never silently changed.
 */
final class StoredValue {

  private StoredValue() {}

  /** Why a row cannot be stored: the column and the fault, never the value itself. */
  static final class Unstorable extends Exception {
    Unstorable(String column, String fault) {
      super(column + ": " + fault);
    }
  }

  /** The typed value (null for an empty field). */
  static Object of(Column column, ExtractSchema schema, String text) throws Unstorable {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      Object value =
          switch (column.type()) {
            case INT -> Long.valueOf(text);
            case DEC -> new BigDecimal(text);
            case DATE -> LocalDate.parse(text);
            case TS -> LocalDateTime.parse(text);
            default -> text;
          };
      int max = SourceDialect.maxLength(column, schema);
      if (max > 0 && text.length() > max) {
        throw new Unstorable(column.name(), "longer than " + max + " characters");
      }
      if (value instanceof BigDecimal d && (d.precision() - d.scale() > 14)) {
        throw new Unstorable(column.name(), "too large for DECIMAL(18,4)");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new Unstorable(
          column.name(), column.type() == ColumnType.INT ? "not a whole number" : "not a number");
    } catch (DateTimeParseException e) {
      throw new Unstorable(column.name(), "not an ISO " + column.type().yamlName());
    }
  }
}
