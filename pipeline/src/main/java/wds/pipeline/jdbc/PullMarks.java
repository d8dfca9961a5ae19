package wds.pipeline.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import wds.pipeline.load.ExtractResult;
import wds.schemas.CountyClock;
import wds.schemas.ExtractSchema;

/**
 * The last step of a JDBC pull's transaction, before its commit: checks that the pull was counted
 * alike on both sides (the source's count, the rows read, the rows the loader audited) and moves
 * the extract's high-water mark. A mismatch throws, which rolls the pull back and leaves the mark
 * where it was.
 */
final class PullMarks {

  private PullMarks() {}

  /**
   * Reconciles a merged pull and moves its extract's mark on {@code warehouse}, uncommitted.
   *
   * @param pull the pull that was counted (the first one the loader opened)
   * @param merged the pull's audit row
   */
  static void advance(
      Connection warehouse, ExtractSchema schema, JdbcRecordReader pull, ExtractResult merged) {
    if (pull == null) {
      throw new IllegalStateException(
          "pull of " + schema.qualifiedName() + " merged without being read");
    }
    if (pull.sourceCount() != pull.rowsRead() || pull.rowsRead() != merged.rowsRead()) {
      throw new IllegalStateException(
          "pull of "
              + schema.qualifiedName()
              + " from "
              + merged.file()
              + " does not reconcile: the source counted "
              + pull.sourceCount()
              + " rows, the pull read "
              + pull.rowsRead()
              + ", the loader audited "
              + merged.rowsRead());
    }
    // a row stamped in the future (a source clock gone wrong) must not carry the mark past now,
    // or every real change until then would be missed; it is simply read again next time
    LocalDateTime seen = pull.highWater();
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
