package wds.jobs.metrics;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import wds.schemas.sql.SqlFile;

/**
 * Read-only access to a wds DuckDB file for the metrics: a short-lived connection per reading, so
 * that the file is never held open while the nightly job may want to write it.
 */
final class WarehouseReader {

  private WarehouseReader() {}

  static Connection open(Path database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("duckdb.read_only", "true");
    return DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath(), properties);
  }

  static boolean hasTable(Connection connection, String table) throws SQLException {
    try (ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
      return tables.next();
    }
  }

  /** The text of a SQL file beside this class ({@code wds/jobs/metrics/<name>.sql}). */
  static String sql(String name) {
    return SqlFile.load(WarehouseReader.class, name + ".sql").sql();
  }
}
