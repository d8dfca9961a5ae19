package wds.warehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import wds.pipeline.ods.OdsColumn;
import wds.pipeline.ods.OdsTable;
import wds.schemas.ExtractSchema;
import wds.schemas.SchemaCatalog;

/**
 * An in-memory DuckDB holding the operational layer as the loader lays it out (every ods_* table
 * from {@link OdsTable}, the etl_* audit), empty until a test gives it rows, and an attached
 * in-memory catalog {@code snap} for the warehouse. A small county is at hand: {@link #county()}.
 */
public final class OdsFixture implements AutoCloseable {

  static final String COUNTY = "652323000000";
  static final String TOWN_A = "652323100000";
  static final String TOWN_B = "652323200000";

  /** An urban community of town A (urban_rural_code 111). */
  static final String A_URBAN = "652323100001";

  /** A rural village of town A (210). */
  static final String A_RURAL = "652323100201";

  /** A rural village of town B (220). */
  static final String B_RURAL = "652323200201";

  static final LocalDate DELIVERY = LocalDate.of(2025, 3, 2);

  final Connection conn;
  private final Map<String, OdsTable> tables = new LinkedHashMap<>();

  private OdsFixture(Connection conn) {
    this.conn = conn;
  }

  static OdsFixture create() throws SQLException {
    OdsFixture f = new OdsFixture(DriverManager.getConnection("jdbc:duckdb:"));
    for (ExtractSchema schema : SchemaCatalog.load().all()) {
      OdsTable table = OdsTable.of(schema);
      f.tables.put(schema.source() + "/" + schema.extract(), table);
      String columns =
          table.columns().stream()
              .map(c -> c.name() + " " + c.sqlType())
              .collect(Collectors.joining(", "));
      f.execute("create table " + table.name() + " (" + columns + ")");
    }
    f.execute(
        "create table etl_delivery (source varchar, extract varchar, delivery_date date,"
            + " file varchar, rows_read bigint, rows_loaded bigint, rows_rejected bigint,"
            + " sha256 varchar, status varchar, message varchar, started_at timestamp,"
            + " finished_at timestamp, connector varchar, mode varchar)");
    f.execute(
        "create table etl_reject (source varchar, extract varchar, delivery_date date,"
            + " reason varchar, rows bigint)");
    f.execute("attach ':memory:' as snap");
    return f;
  }

  /** The county, towns A and B, an urban community and a rural village in A, a village in B. */
  OdsFixture county() throws SQLException {
    area(COUNTY, "呼图壁县", "county", null, null, null);
    area(TOWN_A, "呼图壁镇", "township", COUNTY, null, null);
    area(TOWN_B, "五工台镇", "township", COUNTY, null, null);
    area(A_URBAN, "东街社区", "village", TOWN_A, "111", "residents");
    area(A_RURAL, "二十里店村", "village", TOWN_A, "210", "village");
    area(B_RURAL, "五工台村", "village", TOWN_B, "220", "village");
    return this;
  }

  void area(String code, String name, String level, String parent, String urbanRural, String type)
      throws SQLException {
    row("population", "areas")
        .set("area_code", code)
        .set("name", name)
        .set("level", level)
        .set("parent_code", parent)
        .set("urban_rural_code", urbanRural)
        .set("committee_type", type)
        .insert();
  }

  /** Population of one cell. */
  void population(int year, String area, String sex, int age, long persons) throws SQLException {
    row("population", "population")
        .set("year", (long) year)
        .set("area_code", area)
        .set("sex", sex)
        .set("age", (long) age)
        .set("persons", persons)
        .insert();
  }

  void delivery(String source, String extract, LocalDate date, String status) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement(
            "insert into etl_delivery (source, extract, delivery_date, status) values (?, ?, ?, ?)")) {
      ps.setString(1, source);
      ps.setString(2, extract);
      ps.setObject(3, date);
      ps.setString(4, status);
      ps.execute();
    }
  }

  Row row(String source, String extract) {
    OdsTable table = tables.get(source + "/" + extract);
    if (table == null) {
      throw new IllegalArgumentException("no extract " + source + "/" + extract);
    }
    return new Row(table);
  }

  /** Builds the warehouse of a plan into {@code snap}. */
  BuildResult build(Plan plan, LocalDate asOf) throws SQLException {
    return new WarehouseBuilder(plan).build(conn, "snap", asOf);
  }

  BuildResult build() throws SQLException {
    return build(Plan.standard(), LocalDate.of(2025, 6, 30));
  }

  void execute(String sql) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute(sql);
    }
  }

  /** The rows of a query, each as a list of column values (as JDBC returns them). */
  List<List<Object>> rows(String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        List<List<Object>> rows = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            row.add(rs.getObject(i));
          }
          rows.add(row);
        }
        return rows;
      }
    }
  }

  /** The single value of a query, or null when it has no row. */
  Object value(String sql, Object... params) throws SQLException {
    List<List<Object>> rows = rows(sql, params);
    return rows.isEmpty() ? null : rows.get(0).get(0);
  }

  @Override
  public void close() throws SQLException {
    conn.close();
  }

  /** One ODS row being given: columns not set stay empty; deleted is false. */
  public final class Row {
    private final OdsTable table;
    private final Map<String, Object> values = new LinkedHashMap<>();

    Row(OdsTable table) {
      this.table = table;
      values.put("deleted", false);
      values.put(OdsTable.DELIVERY_DATE, DELIVERY);
      values.put(OdsTable.ORIGIN, "test");
      if (table.columns().stream().anyMatch(c -> c.name().equals("updated_at"))) {
        values.put("updated_at", LocalDateTime.of(2025, 3, 1, 8, 0));
      }
    }

    public Row set(String column, Object value) {
      table.indexOf(column); // fails on a column the table does not have
      values.put(column, value);
      return this;
    }

    /** The identity of a person: key, birth date and sex, under a column prefix ("mother_"). */
    public Row person(String prefix, String key, LocalDate birth, String sex) {
      return set(prefix + "person_key", key)
          .set(prefix + "id_birth_date", birth)
          .set(prefix + "id_sex", sex);
    }

    public Row person(String key, LocalDate birth, String sex) {
      return person("", key, birth, sex);
    }

    public void insert() throws SQLException {
      List<OdsColumn> columns = table.columns();
      String names = columns.stream().map(OdsColumn::name).collect(Collectors.joining(", "));
      String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
      try (PreparedStatement ps =
          conn.prepareStatement(
              "insert into " + table.name() + " (" + names + ") values (" + marks + ")")) {
        for (int i = 0; i < columns.size(); i++) {
          ps.setObject(i + 1, values.get(columns.get(i).name()));
        }
        ps.execute();
      }
    }
  }
}
