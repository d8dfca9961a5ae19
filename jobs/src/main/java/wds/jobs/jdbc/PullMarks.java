package wds.jobs.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import wds.pipeline.jdbc.JdbcRecordReader;
import wds.pipeline.jdbc.Watermarks;
import wds.pipeline.load.ExtractResult;
import wds.pipeline.load.LoadListener;
import wds.schemas.CountyClock;
import wds.schemas.ExtractSchema;

/**
 * The load listener that closes a JDBC pull inside the transaction that commits its rows: it checks
 * that the pull was counted alike on both sides (the source's count, the rows read, the rows the
 * loader audited) and moves the extract's high-water mark. A mismatch throws, which rolls the pull
 * back and leaves the mark where it was.
 */
public final class PullMarks implements LoadListener {

  /** County time (UTC+8), the clock of every updated_at. */
  private Connection warehouse;

  private ExtractSchema schema;
  private PullSource pull;

  /** The pull about to be loaded on {@code warehouse}. */
  void expect(Connection warehouse, ExtractSchema schema, PullSource pull) {
    this.warehouse = warehouse;
    this.schema = schema;
    this.pull = pull;
  }

  void done() {
    warehouse = null;
    schema = null;
    pull = null;
  }

  @Override
  public void extractMerged(ExtractResult result) {
    if (pull == null
        || !"jdbc".equals(result.connector())
        || !schema.source().equals(result.source())
        || !schema.extract().equals(result.extract())) {
      return;
    }
    JdbcRecordReader reader = pull.first();
    if (reader.sourceCount() != reader.rowsRead() || reader.rowsRead() != result.rowsRead()) {
      throw new IllegalStateException(
          "pull of "
              + schema.qualifiedName()
              + " from "
              + result.file()
              + " does not reconcile: the source counted "
              + reader.sourceCount()
              + " rows, the pull read "
              + reader.rowsRead()
              + ", the loader audited "
              + result.rowsRead());
    }
    // a row stamped in the future (a source clock gone wrong) must not carry the mark past now,
    // or every real change until then would be missed; it is simply read again next time
    LocalDateTime seen = reader.highWater();
    LocalDateTime now = LocalDateTime.now(CountyClock.ZONE);
    try {
      Watermarks.advance(
          warehouse,
          schema.source(),
          schema.extract(),
          seen == null || seen.isBefore(now) ? seen : now);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot move the high-water mark of " + schema.qualifiedName(), e);
    }
  }
}
