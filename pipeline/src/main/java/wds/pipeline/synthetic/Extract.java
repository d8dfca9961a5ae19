package wds.pipeline.synthetic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import wds.schemas.Column;
import wds.schemas.ExtractSchema;
import wds.schemas.SchemaCatalog;

/** The extracts the generator writes, each tied to its schema in the catalogue. */
enum Extract {
  AREAS("population", "areas"),
  POPULATION("population", "population"),
  BIRTHS("health", "births"),
  PREGNANCIES("health", "pregnancies"),
  MATERNAL_DEATHS("health", "maternal_deaths"),
  CANCER_SCREENINGS("health", "cancer_screenings"),
  HIV_EXPOSED_INFANTS("health", "hiv_exposed_infants"),
  STUDENTS("education", "students"),
  MARRIAGES("civil", "marriages"),
  ASSISTANCE("civil", "assistance"),
  COMMITTEE_MEMBERS("civil", "committee_members"),
  EMPLOYMENT("hr", "employment"),
  INSURANCE("hr", "insurance"),
  TITLES("hr", "titles"),
  INDICATOR_REPORTS("reports", "indicator_reports");

  private final String source;
  private final String name;
  private final ExtractSchema schema;
  private final Map<String, Integer> index = new HashMap<>();
  private final int[] keyColumns;

  Extract(String source, String name) {
    this.source = source;
    this.name = name;
    this.schema = Catalog.INSTANCE.get(source, name);
    List<Column> columns = schema.columns();
    for (int i = 0; i < columns.size(); i++) {
      index.put(columns.get(i).name(), i);
    }
    this.keyColumns = schema.primaryKey().stream().mapToInt(index::get).toArray();
  }

  String source() {
    return source;
  }

  String extractName() {
    return name;
  }

  ExtractSchema schema() {
    return schema;
  }

  /** Reference data (areas, population) has no tombstones and no record-level history. */
  boolean reference() {
    return !schema.hasDeletedFlag();
  }

  int column(String columnName) {
    Integer i = index.get(columnName);
    if (i == null) {
      throw new IllegalArgumentException(name + " has no column " + columnName);
    }
    return i;
  }

  int width() {
    return schema.columns().size();
  }

  /** The primary-key value of a row: its key columns joined by {@code |}. */
  String key(String[] row) {
    StringBuilder b = new StringBuilder();
    for (int k : keyColumns) {
      if (b.length() > 0) {
        b.append('|');
      }
      b.append(row[k]);
    }
    return b.toString();
  }

  /** A new row of this extract's width with every value empty. */
  Row row() {
    return new Row(this);
  }

  /** The schema catalogue, loaded once (an enum's constructor cannot read its own statics). */
  private static final class Catalog {
    static final SchemaCatalog INSTANCE = SchemaCatalog.load();
  }

  /** A row being filled by column name. */
  static final class Row {
    private final Extract extract;
    private final String[] values;

    private Row(Extract extract) {
      this.extract = extract;
      this.values = new String[extract.width()];
      java.util.Arrays.fill(values, "");
    }

    Row set(String column, Object value) {
      values[extract.column(column)] = value == null ? "" : value.toString();
      return this;
    }

    String get(String column) {
      return values[extract.column(column)];
    }

    Row copy() {
      Row r = new Row(extract);
      System.arraycopy(values, 0, r.values, 0, values.length);
      return r;
    }

    String[] values() {
      return values.clone();
    }
  }
}
