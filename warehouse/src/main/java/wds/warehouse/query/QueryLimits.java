package wds.warehouse.query;

import java.time.Duration;

/**
 * The limits of one sandboxed query: how long it may run (execution and fetching together) and how
 * many rows it may return before the result is cut.
 *
 * <p>The defaults, 60 s and 100,000 rows, are what a terminal or a spreadsheet can take in; a
 * bureau that needs more sets them in configuration ({@code WDS_QUERY_TIMEOUT}, {@code
 * WDS_QUERY_MAX_ROWS} for {@code wds query}).
 */
public record QueryLimits(Duration timeout, long maxRows) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  public static final long DEFAULT_MAX_ROWS = 100_000;

  public QueryLimits {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a query time limit must be positive, not " + timeout);
    }
    if (maxRows < 1) {
      throw new IllegalArgumentException("a row limit must be at least 1, not " + maxRows);
    }
  }

  public static QueryLimits defaults() {
    return new QueryLimits(DEFAULT_TIMEOUT, DEFAULT_MAX_ROWS);
  }
}
