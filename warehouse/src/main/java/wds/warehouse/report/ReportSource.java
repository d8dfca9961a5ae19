package wds.warehouse.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import wds.schemas.sql.SqlFile;

/**
 * What a report is built from: the published snapshot, attached read-only, and for the public
 * version the public feed's {@code indicator_value} in place of the snapshot's. Every report query
 * reads the same table names on both ({@code internal_views.sql}, {@code public_views.sql}), so a
 * public report cannot state a value the feed withholds.
 */
public final class ReportSource implements AutoCloseable {

  private final Connection connection;
  private final String snapshotName;
  private final boolean publicVersion;

  private ReportSource(Connection connection, String snapshotName, boolean publicVersion) {
    this.connection = connection;
    this.snapshotName = snapshotName;
    this.publicVersion = publicVersion;
  }

  /** The internal report's source: the snapshot as published. */
  public static ReportSource internal(Path snapshot) throws SQLException {
    Connection c = attach(snapshot);
    run(c, "internal_views.sql");
    return new ReportSource(c, name(snapshot), false);
  }

  /**
   * The public report's source: the feed's {@code indicator_value.parquet} in {@code publicFeed}
   * for every value, the snapshot only for the catalogue, the areas, the plan's years and the
   * deliveries.
   */
  public static ReportSource publicFeed(Path snapshot, Path publicFeed) throws SQLException {
    Path values = publicFeed.resolve("indicator_value.parquet");
    Path mart = publicFeed.resolve("mart_sex_age.parquet");
    for (Path file : new Path[] {values, mart}) {
      if (!Files.isRegularFile(file)) {
        throw new SQLException("the public feed has no " + file);
      }
    }
    Connection c = attach(snapshot);
    try (Statement st = c.createStatement()) {
      st.execute(
          "CREATE TEMP TABLE feed_indicator_value AS SELECT * FROM read_parquet("
              + literal(values)
              + ")");
      st.execute(
          "CREATE TEMP TABLE feed_mart_sex_age AS SELECT * FROM read_parquet("
              + literal(mart)
              + ")");
    }
    run(c, "public_views.sql");
    return new ReportSource(c, name(snapshot), true);
  }

  public Connection connection() {
    return connection;
  }

  /** The snapshot's file name, as the report cites it. */
  public String snapshotName() {
    return snapshotName;
  }

  public boolean publicVersion() {
    return publicVersion;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }

  private static Connection attach(Path snapshot) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement st = c.createStatement()) {
      st.execute("ATTACH " + literal(snapshot) + " AS snap (READ_ONLY)");
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  private static void run(Connection c, String file) throws SQLException {
    SqlFile script = SqlFile.load("wds/warehouse/report/" + file).withoutComments();
    try (Statement st = c.createStatement()) {
      for (String statement : script.statements(Map.of())) {
        st.execute(statement);
      }
    }
  }

  /** A file path as a SQL string literal (ATTACH and read_parquet take no bound parameter here). */
  private static String literal(Path file) {
    return SqlFile.literal(file.toAbsolutePath().toString());
  }

  private static String name(Path snapshot) {
    return snapshot.getFileName().toString();
  }
}
