package wds.jobs.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * One run of the load job: the work database opened once, the deliveries waiting in the drop folder
 * by source, and what became of each. Opened before the first step, closed after the last.
 */
public final class LoadSession implements AutoCloseable {

  private final WorkDatabase db;
  private final DeliveryLoader loader;
  private final Map<String, Deque<Delivery>> pending = new LinkedHashMap<>();
  private final List<DeliveryResult> results = new ArrayList<>();

  private LoadSession(WorkDatabase db, DeliveryLoader loader, List<Delivery> deliveries) {
    this.db = db;
    this.loader = loader;
    for (Delivery d : deliveries) {
      pending.computeIfAbsent(d.source(), s -> new ArrayDeque<>()).add(d);
    }
  }

  /** Opens the work database of a home and finds the deliveries waiting in a drop folder. */
  public static LoadSession open(
      WdsHome home,
      Path drop,
      SchemaCatalog catalog,
      java.util.Set<String> indicatorCodes,
      LoadListener listener)
      throws SQLException {
    Pseudonymiser pseudonymiser = pseudonymiser(home);
    WorkDatabase db = WorkDatabase.open(home.workDatabase(), catalog);
    DeliveryLoader loader =
        new DeliveryLoader(
            db.connection(),
            catalog,
            new LoadSettings(indicatorCodes, pseudonymiser, home.quarantine()),
            listener);
    return new LoadSession(db, loader, new DropFolder(drop).deliveries(catalog.sources()));
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

  public DeliveryResult load(Delivery delivery) throws SQLException, IOException {
    DeliveryResult result = loader.load(delivery);
    results.add(result);
    return result;
  }

  /** Pulls every extract of a source configured as {@code jdbc} through the same loader. */
  public List<DeliveryResult> pull(String source, JdbcSourceLoad jdbc)
      throws SQLException, IOException {
    List<DeliveryResult> pulled = jdbc.load(source, loader);
    results.addAll(pulled);
    return pulled;
  }

  public List<DeliveryResult> results() {
    return List.copyOf(results);
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
