package wds.pipeline.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import wds.pipeline.ods.OdsTable;
import wds.schemas.ExtractSchema;
import wds.schemas.SchemaCatalog;

/**
 * The nightly writer's DuckDB file ({@code <home>/warehouse/work.duckdb}): the operational layer
 * ({@code ods_<source>__<extract>}) and the load audit. One read-write process at a time: DuckDB
 * locks the file.
 */
public final class WorkDatabase implements AutoCloseable {

  private final Path file;
  private final Connection connection;

  private WorkDatabase(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /**
   * Opens (creating if needed) the work database and its tables for every extract of the catalogue.
   */
  public static WorkDatabase open(Path file, SchemaCatalog catalog) throws SQLException {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file.getParent(), e);
    }
    Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
    WorkDatabase db = new WorkDatabase(file, connection);
    try {
      db.prepare(catalog);
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
    return db;
  }

  private void prepare(SchemaCatalog catalog) throws SQLException {
    try (Statement st = connection.createStatement()) {
      for (ExtractSchema schema : catalog.all()) {
        for (String sql : new OdsStatements(OdsTable.of(schema)).sql("create_ods_table")) {
          st.execute(sql);
        }
      }
    }
    new LoadAudit(connection).create();
  }

  public Path file() {
    return file;
  }

  public Connection connection() {
    return connection;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
