package wds.pipeline.ods;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import wds.schemas.Column;
import wds.schemas.ExtractSchema;

/**
 * The operational-layer table of one extract ({@code ods_<source>__<extract>}): the extract's
 * columns typed, with every identity number replaced by its pseudonym and what it encodes, plus the
 * tombstone flag and the delivery that last wrote the row. Derived from the schema alone, so adding
 * a column to an extract is a schema edit. The layout is documented in schemas/README.md.
 */
public record OdsTable(ExtractSchema schema, List<OdsColumn> columns) {

  /** Written by the loader: the extract date of the delivery (or JDBC pull day) of the row. */
  public static final String DELIVERY_DATE = "_delivery_date";

  /** Written by the loader: the file name or table the row came from. */
  public static final String ORIGIN = "_origin";

  public static OdsTable of(ExtractSchema schema) {
    List<OdsColumn> columns = new ArrayList<>();
    for (Column c : schema.columns()) {
      boolean key = schema.primaryKey().contains(c.name());
      switch (c.type()) {
        case ID_NUMBER -> {
          String prefix = c.identityPrefix();
          columns.add(new OdsColumn(prefix + "person_key", "VARCHAR", String.class, key, true));
          columns.add(new OdsColumn(prefix + "id_birth_date", "DATE", LocalDate.class, false));
          columns.add(new OdsColumn(prefix + "id_sex", "VARCHAR", String.class, false));
        }
        case STR, CODE, AREA ->
            columns.add(new OdsColumn(c.name(), "VARCHAR", String.class, key, c.pseudonymise()));
        case INT -> columns.add(new OdsColumn(c.name(), "BIGINT", Long.class, key));
        case DEC -> columns.add(new OdsColumn(c.name(), "DECIMAL(18,4)", BigDecimal.class, key));
        case DATE -> columns.add(new OdsColumn(c.name(), "DATE", LocalDate.class, key));
        case TS -> columns.add(new OdsColumn(c.name(), "TIMESTAMP", LocalDateTime.class, key));
        case FLAG -> columns.add(new OdsColumn(c.name(), "BOOLEAN", Boolean.class, key));
      }
    }
    if (!schema.hasDeletedFlag()) {
      // reference extracts (areas, population) have no tombstones; the column is kept for one shape
      columns.add(new OdsColumn("deleted", "BOOLEAN", Boolean.class, false));
    }
    columns.add(new OdsColumn(DELIVERY_DATE, "DATE", LocalDate.class, false));
    columns.add(new OdsColumn(ORIGIN, "VARCHAR", String.class, false));
    return new OdsTable(schema, List.copyOf(columns));
  }

  public String name() {
    return schema.odsTable();
  }

  /** The columns a validated row supplies: all but {@link #DELIVERY_DATE} and {@link #ORIGIN}. */
  public List<OdsColumn> rowColumns() {
    return columns.subList(0, columns.size() - 2);
  }

  public int indexOf(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException(name() + " has no column " + column);
  }
}
