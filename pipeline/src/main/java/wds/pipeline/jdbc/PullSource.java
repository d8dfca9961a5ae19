package wds.pipeline.jdbc;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import wds.pipeline.load.ExtractResult;
import wds.pipeline.load.Pull;
import wds.pipeline.read.RecordReader;
import wds.schemas.ExtractSchema;

/**
 * One extract's pull as the loader sees it: its table as origin, and a fresh pull from the
 * extract's high-water mark each time it is opened (the loader opens it again only to fetch the raw
 * rows of rejected duplicates). The first pull is the one that is counted and marked.
 */
public final class PullSource implements Pull {

  private final JdbcPulls pulls;
  private final Connection warehouse;
  private final ExtractSchema schema;
  private JdbcRecordReader first;

  /**
   * @param warehouse the work database, where the extract's mark is read
   */
  public PullSource(JdbcPulls pulls, Connection warehouse, ExtractSchema schema) {
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

  @Override
  public void advanceMark(Connection warehouse, ExtractResult merged) throws SQLException {
    PullMarks.advance(warehouse, schema, first, merged);
  }
}
