package wds.jobs.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import wds.jobs.jdbc.JdbcSourcesProperties.Source;
import wds.pipeline.jdbc.JdbcRecordReader;
import wds.pipeline.jdbc.TableName;
import wds.pipeline.jdbc.Watermarks;
import wds.schemas.ExtractSchema;

/**
 * Starts JDBC pulls of configured sources: a pull begins at the extract's high-water mark in the
 * work database ({@link PullMarks} moves the mark when the pull's rows are committed).
 */
public final class JdbcPulls {

  private final SourceDatabases databases;

  public JdbcPulls(SourceDatabases databases) {
    this.databases = databases;
  }

  /** Whether {@code source} delivers through its database. */
  public boolean isJdbc(String source) {
    return databases.properties().source(source).isJdbc();
  }

  /** The table or view an extract is pulled from. */
  public TableName table(ExtractSchema schema) {
    return databases.properties().source(schema.source()).table(schema.extract());
  }

  /**
   * Opens the pull of one extract from the mark kept in {@code warehouse}.
   *
   * @param warehouse a connection to the work DuckDB database
   */
  public JdbcRecordReader open(Connection warehouse, ExtractSchema schema) throws SQLException {
    Source source = databases.properties().source(schema.source());
    LocalDateTime since =
        Watermarks.highWater(warehouse, schema.source(), schema.extract()).orElse(null);
    return JdbcRecordReader.open(
        databases.connect(schema.source()),
        schema,
        source.table(schema.extract()),
        since,
        source.fetchSize());
  }
}
