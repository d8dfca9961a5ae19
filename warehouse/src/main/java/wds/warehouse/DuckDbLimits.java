package wds.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How much of the machine DuckDB may take while the nightly loads, builds and exports the
 * warehouse: its {@code memory_limit} (beyond it DuckDB spills to a temporary folder beside the
 * database, or fails a query that cannot spill) and its worker {@code threads}.
 *
 * @param memoryLimit DuckDB's size syntax ({@code 1GB}, {@code 1536MB}, {@code 2GiB})
 * @param threads worker threads, at least 1
 */
public record DuckDbLimits(String memoryLimit, int threads) {

  private static final Pattern SIZE =
      Pattern.compile("\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB)");

  /**
   * The defaults for the machine kind wds runs on (2 cores, 24 GiB, shared with analysts by day):
   * both cores, and 1 GB for DuckDB. With the build checkpointing its snapshot after each model
   * layer, the default county's whole nightly peaks at 1.47 GB resident under the launcher's heap
   * cap (warehouse/NIGHTLY-SPEED.md).
   */
  public static final DuckDbLimits DEFAULT = new DuckDbLimits("1GB", 2);

  public DuckDbLimits {
    if (memoryLimit == null
        || !SIZE.matcher(memoryLimit.strip().toUpperCase(Locale.ROOT)).matches()) {
      throw new IllegalArgumentException(
          "wds.duckdb.memory-limit must be a size such as 1GB or 1536MB, not " + memoryLimit);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("wds.duckdb.threads must be at least 1, not " + threads);
    }
    memoryLimit = memoryLimit.strip();
  }

  /** Sets the limits on a connection's database (they hold for every connection to it). */
  public void apply(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      // both values are checked above, so the literals cannot carry anything else
      statement.execute("SET memory_limit = '" + memoryLimit + "'");
      statement.execute("SET threads = " + threads);
    }
  }
}
