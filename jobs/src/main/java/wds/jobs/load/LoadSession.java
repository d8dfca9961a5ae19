package wds.jobs.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import wds.jobs.OperatorException;
import wds.jobs.PseudonymSecret;
import wds.jobs.WdsHome;
import wds.pipeline.jdbc.JdbcSourceLoad;
import wds.pipeline.load.Delivery;
import wds.pipeline.load.DeliveryResult;
import wds.pipeline.load.DropFolder;
import wds.pipeline.load.LoadLanes;
import wds.pipeline.load.LoadListener;
import wds.pipeline.load.LoadSettings;
import wds.pipeline.load.WorkDatabase;
import wds.pipeline.pseudonym.Pseudonymiser;
import wds.schemas.SchemaCatalog;
import wds.warehouse.DuckDbLimits;

/**
 * The session of one run of the load job (a job-scoped bean, {@link
 * LoadJobConfiguration#loadSession}): the work database opened once, on the run's first step, the
 * pipeline's loaders over it (one per lane, {@link LoadLanes}), and the deliveries waiting in the
 * drop folder by source. The steps after the first call it from as many threads as there are lanes,
 * each for its own source; each delivery or pull borrows a free lane. Closed when the run ends;
 * what became of each delivery is kept in the job's execution context ({@link LoadedDeliveries}),
 * not here.
 */
public class LoadSession implements AutoCloseable {

  private final WdsHome home;
  private final Path drop;
  private final SchemaCatalog catalog;
  private final Set<String> indicatorCodes;
  private final LoadListener listener;
  private final JdbcSourceLoad jdbc;
  private final DuckDbLimits limits;
  private final int lanes;
  private final Map<String, Deque<Delivery>> pending = new ConcurrentHashMap<>();
  private WorkDatabase db;
  private LoadLanes loaders;

  /**
   * A session not opened yet: the first step opens it, so that a home that cannot be loaded fails
   * that step with its own fault (a missing secret, a work database that cannot be opened).
   *
   * @param listener hears what the loader does (terminal, log, metrics)
   * @param limits DuckDB's memory limit and threads for the work database ({@code wds.duckdb.*})
   * @param lanes how many loaders, each on its own connection ({@code wds.load.lanes})
   */
  // neither the class final nor this private: the job scope's proxy is a subclass
  LoadSession(
      WdsHome home,
      Path drop,
      SchemaCatalog catalog,
      Set<String> indicatorCodes,
      LoadListener listener,
      JdbcSourceLoad jdbc,
      DuckDbLimits limits,
      int lanes) {
    this.home = home;
    this.drop = drop;
    this.catalog = catalog;
    this.indicatorCodes = Set.copyOf(indicatorCodes);
    this.listener = listener;
    this.jdbc = jdbc;
    this.limits = limits;
    this.lanes = lanes;
  }

  /** Whether {@code source} is pulled from its database; its drop folder is then not read. */
  public boolean pulls(String source) {
    return jdbc.pulls(source);
  }

  /** The next delivery of a source still to be looked at. */
  public Optional<Delivery> next(String source) {
    Deque<Delivery> queue = opened().pending.get(source);
    return queue == null || queue.isEmpty() ? Optional.empty() : Optional.of(queue.poll());
  }

  public boolean hasMore(String source) {
    Deque<Delivery> queue = opened().pending.get(source);
    return queue != null && !queue.isEmpty();
  }

  /** Loads one delivery of the drop folder on a free lane. */
  public DeliveryResult load(Delivery delivery) throws SQLException, IOException {
    return opened().loaders.run(loader -> loader.load(delivery));
  }

  /**
   * Pulls every extract of a source configured as {@code jdbc} on a free lane, through the same
   * loader as its files would take.
   */
  public List<DeliveryResult> pull(String source) throws SQLException, IOException {
    return opened().loaders.run(loader -> jdbc.load(source, loader));
  }

  /**
   * Opens the work database of the home and its lanes, and finds the deliveries waiting in the drop
   * folder, once (on the first step, before any step runs beside another).
   */
  private synchronized LoadSession opened() {
    if (loaders == null) {
      Pseudonymiser pseudonymiser = pseudonymiser(home);
      try {
        db = WorkDatabase.open(home.workDatabase(), catalog);
        // the load holds DuckDB to the same memory and threads as the build (wds.duckdb.*): a
        // 2,000,000-person load took 3.3 GB resident without a limit
        limits.apply(db.connection());
        // a pull's high-water mark table made now, not by two lanes' first pulls at once
        jdbc.prepare(db.connection());
        loaders =
            LoadLanes.open(
                db,
                lanes,
                catalog,
                new LoadSettings(indicatorCodes, pseudonymiser, home.quarantine()),
                listener);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot open the work database " + home.workDatabase(), e);
      }
      for (Delivery d : new DropFolder(drop).deliveries(catalog.sources())) {
        pending.computeIfAbsent(d.source(), s -> new ConcurrentLinkedDeque<>()).add(d);
      }
    }
    return this;
  }

  /**
   * The pseudonymisation secret: {@code WDS_PSEUDONYM_KEY}, else {@code
   * <home>/state/pseudonym.key}. The secret is never logged; a missing one stops the load before it
   * touches anything.
   */
  static Pseudonymiser pseudonymiser(WdsHome home) {
    try {
      return Pseudonymiser.load(home.pseudonymKey(), false);
    } catch (IOException e) {
      throw new OperatorException(
          Files.exists(home.pseudonymKey()) || PseudonymSecret.fromEnvironment()
              ? e.getMessage()
              : PseudonymSecret.missing(home),
          e);
    }
  }

  @Override
  public synchronized void close() throws SQLException {
    if (loaders != null) {
      loaders.close();
    }
    if (db != null) {
      db.close();
    }
  }
}
