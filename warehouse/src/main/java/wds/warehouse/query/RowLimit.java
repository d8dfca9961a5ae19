package wds.warehouse.query;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The row budget of one result: {@link #next(ResultSet)} stands for {@code rows.next()} and says
 * false once the limit is reached, remembering whether the result held more (then it was cut).
 */
public final class RowLimit {

  private final long maxRows;
  private long delivered;
  private boolean cut;

  RowLimit(long maxRows) {
    this.maxRows = maxRows;
  }

  /** Moves to the next row within the limit; false at the end of the result or of the limit. */
  public boolean next(ResultSet rows) throws SQLException {
    if (delivered == maxRows) {
      // one row more is read (never shown) to tell a cut result from one of exactly maxRows rows
      cut = cut || rows.next();
      return false;
    }
    if (!rows.next()) {
      return false;
    }
    delivered++;
    return true;
  }

  /** The rows handed out so far. */
  public long delivered() {
    return delivered;
  }

  /** Whether the result held more rows than the limit. */
  public boolean cut() {
    return cut;
  }

  public long maxRows() {
    return maxRows;
  }
}
