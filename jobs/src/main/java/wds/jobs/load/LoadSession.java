package wds.jobs.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import wds.jobs.OperatorException;
import wds.jobs.PseudonymSecret;
import wds.jobs.WdsHome;
import wds.pipeline.jdbc.JdbcSourceLoad;
import wds.pipeline.load.Delivery;
import wds.pipeline.load.DeliveryLoader;
import wds.pipeline.load.DeliveryResult;
import wds.pipeline.load.DropFolder;
import wds.pipeline.load.LoadListener;
import wds.pipeline.load.LoadSettings;
import wds.pipeline.load.WorkDatabase;
import wds.pipeline.pseudonym.Pseudonymiser;
import wds.schemas.SchemaCatalog;

/**
 * The session of one run of the load job (a job-scoped bean, {@link
 * LoadJobConfiguration#loadSession}): the work database opened once, on the run's first step, the
 * pipeline's loader over it, and the deliveries waiting in the drop folder by source. Closed when
 * the run ends; what became of each delivery is kept in the job's execution context ({@link
 * LoadedDeliveries}), not here.
 */
public class LoadSession implements AutoCloseable {

  private final WorkDatabase db;
  private final DeliveryLoader loader;
  private final JdbcSourceLoad jdbc;
  private final Map<String, Deque<Delivery>> pending = new LinkedHashMap<>();

  // neither the class final nor this private: the job scope's proxy is a subclass
  LoadSession(
      WorkDatabase db, DeliveryLoader loader, JdbcSourceLoad jdbc, List<Delivery> deliveries) {
    this.db = db;
    this.loader = loader;
    this.jdbc = jdbc;
    for (Delivery d : deliveries) {
      pending.computeIfAbsent(d.source(), s -> new ArrayDeque<>()).add(d);
    }
  }

  /**
   * Opens the work database of a home and finds the deliveries waiting in a drop folder.
   *
   * @param listener hears what the loader does (terminal, log, metrics)
   */
  static LoadSession open(
      WdsHome home,
      Path drop,
      SchemaCatalog catalog,
      Set<String> indicatorCodes,
      LoadListener listener,
      JdbcSourceLoad jdbc) {
    Pseudonymiser pseudonymiser = pseudonymiser(home);
    WorkDatabase db;
    try {
      db = WorkDatabase.open(home.workDatabase(), catalog);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the work database " + home.workDatabase(), e);
    }
    DeliveryLoader loader =
        new DeliveryLoader(
            db.connection(),
            catalog,
            new LoadSettings(indicatorCodes, pseudonymiser, home.quarantine()),
            listener);
    return new LoadSession(db, loader, jdbc, new DropFolder(drop).deliveries(catalog.sources()));
  }

  /** Whether {@code source} is pulled from its database; its drop folder is then not read. */
  public boolean pulls(String source) {
    return jdbc.pulls(source);
  }

  /** The next delivery of a source still to be looked at. */
  public Optional<Delivery> next(String source) {
    Deque<Delivery> queue = pending.get(source);
    return queue == null || queue.isEmpty() ? Optional.empty() : Optional.of(queue.poll());
  }

  public boolean hasMore(String source) {
    Deque<Delivery> queue = pending.get(source);
    return queue != null && !queue.isEmpty();
  }

  /** Loads one delivery of the drop folder. */
  public DeliveryResult load(Delivery delivery) throws SQLException, IOException {
    return loader.load(delivery);
  }

  /** Pulls every extract of a source configured as {@code jdbc} through the same loader. */
  public List<DeliveryResult> pull(String source) throws SQLException, IOException {
    return jdbc.load(source, loader);
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
  public void close() throws SQLException {
    loader.close();
    db.close();
  }
}
