package wds.warehouse.publish;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Small helpers over real DuckDB files for the tests. */
public final class TestDb {

  private TestDb() {}

  /** A read-write connection to a DuckDB file, as the nightly writer holds one. */
  public static Connection open(Path file) throws SQLException {
    return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
  }

  public static void execute(Connection connection, String... statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** Every row of a query, columns as strings joined by {@code |}, NULL as {@code null}. */
  public static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(String.valueOf(result.getString(i)));
        }
        rows.add(String.join("|", values));
      }
    }
    return rows;
  }

  /** The one value of a one-row, one-column query. */
  public static String value(Connection connection, String sql) throws SQLException {
    List<String> rows = rows(connection, sql);
    if (rows.size() != 1) {
      throw new AssertionError("expected one row from " + sql + " but got " + rows);
    }
    return rows.get(0);
  }

  /** A work database with a balanced load audit, as the loaders leave it. */
  public static Connection workDatabase(Path file) throws SQLException {
    Connection work = open(file);
    execute(
        work,
        "CREATE TABLE etl_delivery (source VARCHAR, extract VARCHAR, delivery_date DATE,"
            + " file VARCHAR, rows_read BIGINT, rows_loaded BIGINT, rows_rejected BIGINT,"
            + " sha256 VARCHAR, status VARCHAR, message VARCHAR, started_at TIMESTAMP,"
            + " finished_at TIMESTAMP)",
        "INSERT INTO etl_delivery VALUES"
            + " ('health', 'births', DATE '2025-01-31', 'births_20250131.csv', 100, 97, 3,"
            + " repeat('a', 64), 'loaded', NULL, TIMESTAMP '2025-02-01 02:00:00',"
            + " TIMESTAMP '2025-02-01 02:00:05'),"
            + " ('hr', 'employment', DATE '2025-01-31', 'employment_20250131.csv', NULL, 0, 0,"
            + " repeat('b', 64), 'refused', 'missing column employer_type',"
            + " TIMESTAMP '2025-02-01 02:01:00', TIMESTAMP '2025-02-01 02:01:01')",
        "CREATE TABLE etl_reject (source VARCHAR, extract VARCHAR, delivery_date DATE,"
            + " reason VARCHAR, \"rows\" BIGINT)",
        "INSERT INTO etl_reject VALUES ('health', 'births', DATE '2025-01-31', 'BAD_ID_FORMAT', 2),"
            + " ('health', 'births', DATE '2025-01-31', 'MISSING_REQUIRED', 1)");
    return work;
  }
}
