package wds.warehouse.query;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import wds.warehouse.query.QueryRefusedException.Reason;

/**
 * A sandboxed SQL surface over one DuckDB file (a published snapshot): runs SQL that someone typed,
 * one reading statement at a time, within a time limit and a row limit, and can touch nothing but
 * that file.
 *
 * <p>The database is opened read-only with {@code enable_external_access = false} (no file, URL or
 * other database: COPY, EXPORT, ATTACH, read_text, read_csv, glob all fail), extension autoloading
 * and autoinstalling off, and {@code lock_configuration = true}, all given when the database
 * starts, so no statement can change them back. On top of that each text is judged by DuckDB's
 * parser ({@link ReadStatementJudge}) before it runs: the file settings are the wall, the judge
 * names what was tried. Results stream, so a large one is cut without being held in memory.
 *
 * <pre>{@code
 * try (SqlSandbox sandbox = SqlSandbox.open(snapshot, QueryLimits.defaults())) {
 *   SqlSandbox.Outcome outcome = sandbox.query(sql, (rows, limit) -> { while (limit.next(rows)) ... });
 * }
 * }</pre>
 */
public final class SqlSandbox implements AutoCloseable {

  /** What reads a result: it moves through the rows with {@code limit.next(rows)}. */
  @FunctionalInterface
  public interface ResultReader {
    void read(ResultSet rows, RowLimit limit) throws SQLException, java.io.IOException;
  }

  /** How a query ended: whether it gave a result, how many rows were read, whether it was cut. */
  public record Outcome(boolean result, long rows, boolean cut) {}

  // one daemon thread cancels overrunning queries for every sandbox of the process
  private static final ScheduledExecutorService ALARM =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "sql-sandbox-time-limit");
            thread.setDaemon(true);
            return thread;
          });

  private final Connection connection;
  private final QueryLimits limits;
  private final ReadStatementJudge judge;

  private SqlSandbox(Connection connection, QueryLimits limits) {
    this.connection = connection;
    this.limits = limits;
    this.judge = new ReadStatementJudge(connection);
  }

  /** Opens the sandbox on a DuckDB file; the file is never changed. */
  public static SqlSandbox open(Path database, QueryLimits limits) throws SQLException {
    return new SqlSandbox(
        DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath(), settings()),
        limits);
  }

  /** The DuckDB settings of a sandbox, given at start-up so none can be changed afterwards. */
  static Properties settings() {
    Properties settings = new Properties();
    settings.setProperty("duckdb.read_only", "true");
    settings.setProperty("enable_external_access", "false");
    settings.setProperty("autoload_known_extensions", "false");
    settings.setProperty("autoinstall_known_extensions", "false");
    settings.setProperty("allow_community_extensions", "false");
    settings.setProperty("allow_unsigned_extensions", "false");
    // rows are fetched as they are produced: a cut result is never held whole in memory
    settings.setProperty("jdbc_stream_results", "true");
    // last, so that everything above holds for the life of the database
    settings.setProperty("lock_configuration", "true");
    return settings;
  }

  /**
   * Runs one reading statement and hands its result to {@code reader}.
   *
   * @throws QueryRefusedException the statement is not allowed, or ran into the time limit
   * @throws SQLException DuckDB's own error (an unknown column...)
   */
  public Outcome query(String sql, ResultReader reader) throws SQLException, java.io.IOException {
    judge.check(sql);
    AtomicBoolean timedOut = new AtomicBoolean();
    try (Statement statement = connection.createStatement()) {
      // the alarm covers execution and fetching: a streamed result runs while it is read
      ScheduledFuture<?> alarm =
          ALARM.schedule(
              () -> {
                timedOut.set(true);
                cancel(statement);
              },
              limits.timeout().toMillis(),
              TimeUnit.MILLISECONDS);
      try {
        if (!statement.execute(sql)) {
          return new Outcome(false, 0, false);
        }
        RowLimit limit = new RowLimit(limits.maxRows());
        try (ResultSet rows = statement.getResultSet()) {
          reader.read(rows, limit);
        }
        return new Outcome(true, limit.delivered(), limit.cut());
      } catch (SQLException e) {
        if (timedOut.get()) {
          throw timeLimit(e);
        }
        throw refusal(e).orElseThrow(() -> e);
      } finally {
        alarm.cancel(false);
      }
    }
  }

  private QueryRefusedException timeLimit(SQLException cause) {
    QueryRefusedException e =
        new QueryRefusedException(
            Reason.TIME_LIMIT,
            "",
            "the query ran longer than its time limit of " + limits.timeout().toSeconds() + " s");
    e.initCause(cause);
    return e;
  }

  /** DuckDB's refusals under the sandbox's settings, said as what is not allowed. */
  static java.util.Optional<QueryRefusedException> refusal(SQLException e) {
    String text = ReadStatementJudge.oneLine(String.valueOf(e.getMessage()));
    QueryRefusedException refused = null;
    if (text.contains("file system operations are disabled")
        || text.contains("disabled by configuration") && text.contains("access")) {
      String file = quoted(text);
      refused =
          new QueryRefusedException(
              Reason.FILE_ACCESS,
              "",
              "reading or writing files is not allowed"
                  + (file.isEmpty() ? "" : " (" + file + ")")
                  + ": a query reads the snapshot's tables only");
    } else if (text.contains("configuration has been locked")) {
      refused =
          new QueryRefusedException(
              Reason.CONFIGURATION, "", "changing settings is not allowed: " + text);
    } else if (text.contains("extensions is disabled") || text.contains("utoloading")) {
      refused =
          new QueryRefusedException(Reason.EXTENSION, "", "loading extensions is not allowed");
    }
    if (refused != null) {
      refused.initCause(e);
    }
    return java.util.Optional.ofNullable(refused);
  }

  private static String quoted(String text) {
    int open = text.indexOf('"');
    int close = open < 0 ? -1 : text.indexOf('"', open + 1);
    return close < 0 ? "" : text.substring(open, close + 1);
  }

  private static void cancel(Statement statement) {
    try {
      statement.cancel();
    } catch (SQLException e) {
      // the statement has ended meanwhile: nothing to stop
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
