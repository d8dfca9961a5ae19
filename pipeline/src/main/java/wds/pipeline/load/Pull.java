package wds.pipeline.load;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One extract's JDBC pull as the loader takes it: its records, and the last step of the transaction
 * that commits them, which moves the pull's high-water mark.
 */
public interface Pull extends RecordSource {

  /**
   * Closes the pull inside its transaction, after its rows are merged and audited and before the
   * commit: checks that the pull was counted alike on both sides and moves the extract's mark on
   * {@code warehouse}. Throwing rolls the pull back and leaves the mark where it was.
   *
   * @param merged the pull's audit row
   */
  void advanceMark(Connection warehouse, ExtractResult merged) throws SQLException;
}
