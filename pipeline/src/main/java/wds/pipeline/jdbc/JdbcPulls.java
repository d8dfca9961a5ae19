package wds.pipeline.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import wds.schemas.ExtractSchema;

/**
 * Starts JDBC pulls of configured sources: a pull begins at the extract's high-water mark in the
 * work database ({@link PullMarks} moves the mark in the transaction that commits the pull's rows).
 */
public final class JdbcPulls {

  private final SourceConnections databases;

  public JdbcPulls(SourceConnections databases) {
    this.databases = databases;
  }

  /** Whether {@code source} delivers through its database. */
  public boolean isJdbc(String source) {
    return databases.isJdbc(source);
  }

  /** The table or view an extract is pulled from. */
  public TableName table(ExtractSchema schema) {
    return databases.table(schema.source(), schema.extract());
  }

  /**
   * Opens the pull of one extract from the mark kept in {@code warehouse}.
   *
   * @param warehouse a connection to the work DuckDB database
   */
  public JdbcRecordReader open(Connection warehouse, ExtractSchema schema) throws SQLException {
    LocalDateTime since =
        Watermarks.highWater(warehouse, schema.source(), schema.extract()).orElse(null);
    return JdbcRecordReader.open(
        databases.connect(schema.source()),
        schema,
        table(schema),
        since,
        databases.fetchSize(schema.source()));
  }
}
