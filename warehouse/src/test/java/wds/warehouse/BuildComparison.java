package wds.warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

/**
 * A test-scope tool that builds the warehouse from a copy of a loaded home's {@code work.duckdb},
 * reports how long it took, and either saves the engine's and the mart's tables as a reference or
 * compares them with a saved reference row by row (counts exactly, doubles within 1e-9).
 *
 * <pre>
 * java -cp ... wds.warehouse.BuildComparison save    WORK.duckdb REFDIR [yyyy-MM-dd]
 * java -cp ... wds.warehouse.BuildComparison compare WORK.duckdb REFDIR [yyyy-MM-dd]
 * java -cp ... wds.warehouse.BuildComparison keep    WORK.duckdb SNAPSHOT.duckdb [yyyy-MM-dd]
 * </pre>
 *
 * The work database is copied first: DuckDB files must never be open in two processes.
 */
public final class BuildComparison {

  /** The tables compared, with the columns that identify a row. */
  static final List<List<String>> TABLES =
      List.of(
          List.of("indicator_value", "indicator_code, year, area_code, residence, sex"),
          List.of("indicator_warning", "indicator_code, year, area_code, residence, sex, kind"),
          List.of("mart_sex_age", "year, area_code, sex_code, age_group, measure"));

  private BuildComparison() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path work = Path.of(args[1]);
    Path ref = Path.of(args[2]);
    LocalDate asOf = args.length > 3 ? LocalDate.parse(args[3]) : LocalDate.of(2026, 1, 31);
    Path dir = Files.createTempDirectory("wds-build-");
    Path copy = dir.resolve("work.duckdb");
    Files.copy(work, copy, StandardCopyOption.REPLACE_EXISTING);
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:" + copy)) {
      exec(conn, "attach '" + dir.resolve("snap.duckdb") + "' as snap");
      long start = System.nanoTime();
      BuildResult r = new WarehouseBuilder(Plan.standard()).build(conn, "snap", asOf);
      System.out.printf(
          "build: %d ms, %d values, %d warnings%n",
          (System.nanoTime() - start) / 1_000_000, r.indicatorValues(), r.warnings());
      if (mode.equals("keep")) {
        exec(conn, "detach snap");
        Files.copy(dir.resolve("snap.duckdb"), ref, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("kept the built warehouse as " + ref);
      } else if (mode.equals("save")) {
        Files.createDirectories(ref);
        for (List<String> t : TABLES) {
          exec(
              conn,
              "copy (select * from snap."
                  + t.get(0)
                  + " order by "
                  + t.get(1)
                  + ") to '"
                  + ref.resolve(t.get(0) + ".parquet")
                  + "' (format parquet)");
        }
        System.out.println("saved to " + ref);
      } else {
        int differences = 0;
        for (List<String> t : TABLES) {
          differences += compare(conn, t.get(0), t.get(1), ref.resolve(t.get(0) + ".parquet"));
        }
        System.out.println(differences == 0 ? "SAME" : "DIFFERENT: " + differences);
        if (differences != 0) {
          System.exit(1);
        }
      }
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Rows of one side without an equal row on the other, doubles compared within 1e-9. */
  private static int compare(Connection conn, String table, String key, Path reference)
      throws SQLException {
    List<String> columns;
    try (Statement st = conn.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select string_agg(column_name || ':' || data_type, ',' order by ordinal_position)"
                    + " from information_schema.columns where table_catalog = 'snap'"
                    + " and table_name = '"
                    + table
                    + "'")) {
      rs.next();
      columns = List.of(rs.getString(1).split(","));
    }
    StringBuilder same = new StringBuilder("true");
    for (String c : columns) {
      String name = c.substring(0, c.indexOf(':'));
      String type = c.substring(c.indexOf(':') + 1);
      if (type.equals("DOUBLE")) {
        same.append(
            " and (a.%1$s is null and b.%1$s is null or abs(a.%1$s - b.%1$s) < 1e-9)"
                .formatted(name));
      } else {
        same.append(" and a.%1$s is not distinct from b.%1$s".formatted(name));
      }
    }
    StringBuilder on = new StringBuilder("true");
    for (String k : key.split(",\\s*")) {
      on.append(" and a.%1$s = b.%1$s".formatted(k));
    }
    String sql =
        ("select (select count(*) from snap.%1$s), (select count(*) from '%2$s'),"
                + " count(*) filter (where b.%3$s is null),"
                + " count(*) filter (where a.%3$s is null),"
                + " count(*) filter (where a.%3$s is not null and b.%3$s is not null and not (%4$s))"
                + " from snap.%1$s a full join '%2$s' b on %5$s")
            .formatted(table, reference, key.split(",")[0], same, on);
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      System.out.printf(
          "%s: %d rows (reference %d), only new %d, only reference %d, changed %d%n",
          table, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
      return (int)
          (rs.getLong(3) + rs.getLong(4) + rs.getLong(5) + Math.abs(rs.getLong(1) - rs.getLong(2)));
    }
  }

  private static void exec(Connection conn, String sql) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute(sql);
    }
  }
}
