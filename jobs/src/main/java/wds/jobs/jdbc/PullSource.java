package wds.jobs.jdbc;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import wds.pipeline.jdbc.JdbcRecordReader;
import wds.pipeline.load.RecordSource;
import wds.pipeline.read.RecordReader;
import wds.schemas.ExtractSchema;

/**
 * One extract's pull as the loader sees it: its table as origin, and a fresh pull from the
 * extract's high-water mark each time it is opened (the loader opens it again only to fetch the raw
 * rows of rejected duplicates). The first pull is the one that is counted and marked.
 */
final class PullSource implements RecordSource {

  private final JdbcPulls pulls;
  private final Connection warehouse;
  private final ExtractSchema schema;
  private JdbcRecordReader first;

  PullSource(JdbcPulls pulls, Connection warehouse, ExtractSchema schema) {
    this.pulls = pulls;
    this.warehouse = warehouse;
    this.schema = schema;
  }

  @Override
  public String origin() {
    return pulls.table(schema).toString();
  }

  @Override
  public RecordReader open() throws IOException {
    try {
      JdbcRecordReader reader = pulls.open(warehouse, schema);
      if (first == null) {
        first = reader;
      }
      return reader;
    } catch (SQLException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** The first pull opened, or null before the loader opened one. */
  JdbcRecordReader first() {
    return first;
  }
}
