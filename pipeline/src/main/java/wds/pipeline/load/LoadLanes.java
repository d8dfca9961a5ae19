package wds.pipeline.load;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.duckdb.DuckDBConnection;
import wds.schemas.SchemaCatalog;

/**
 * The lanes of one load: as many {@link DeliveryLoader}s as lanes over one work database, each on
 * its own connection (the first on the database's own, the others on {@code
 * DuckDBConnection.duplicate()}: one database, one buffer pool, one set of DuckDB threads), so that
 * the deliveries of two sources are read, staged and merged at the same time, each in its own
 * transaction. A delivery or a pull borrows whichever loader is free ({@link #run}); no source
 * keeps a loader between deliveries, since a loader keeps nothing of one delivery for the next (its
 * staging tables are dropped when the delivery's transaction ends).
 *
 * <p>How a load uses them ({@link #laneOrder}, shared by the load job and {@code wds
 * benchmark-load}): the first source of the catalogue ({@code population}) alone, since its {@code
 * areas} check every other source's area codes; then the other sources, each whole on one lane,
 * taken in lane order by the first lane that is free.
 *
 * <p>Two deliveries in flight at once touch no shared row: each merges its own source's {@code
 * ods_*} tables, appends to {@code etl_delivery}, and upserts {@code etl_reject} and {@code
 * etl_watermark} rows keyed by their own source. Every loader is made before any loads, since a new
 * loader clears the staging folders left in the quarantine and points the database's spill folder
 * there ({@link StagingFolder}), which DuckDB refuses once it has spilled.
 */
public final class LoadLanes implements AutoCloseable {

  /** Lanes when none are configured ({@code wds.load.lanes}): one per core of the county server. */
  public static final int DEFAULT = 2;

  /**
   * The sources that start first once the first source is loaded: the largest first, so the longest
   * source is not the one left running alone at the end. {@code hr} holds 1,300,102 of the default
   * county's 2,255,850 rows, more than the four other sources after {@code population} together
   * (712,138): on two lanes it takes one, the others follow one another on the second. Measured
   * against the catalogue's order (pipeline/INGESTION-LOADING.md, "Sources on two lanes").
   */
  static final List<String> LARGEST_FIRST = List.of("hr");

  private final List<DeliveryLoader> loaders;
  private final List<Connection> duplicates;
  private final BlockingQueue<DeliveryLoader> free;

  private LoadLanes(List<DeliveryLoader> loaders, List<Connection> duplicates) {
    this.loaders = List.copyOf(loaders);
    this.duplicates = List.copyOf(duplicates);
    this.free = new ArrayBlockingQueue<>(loaders.size(), false, loaders);
  }

  /**
   * Opens {@code lanes} loaders over {@code db}: the first on its connection, each other on a
   * connection of its own to the same database, closed by {@link #close}.
   *
   * @param listener hears every lane; it is called from several threads at once when lanes > 1
   */
  public static LoadLanes open(
      WorkDatabase db,
      int lanes,
      SchemaCatalog catalog,
      LoadSettings settings,
      LoadListener listener)
      throws SQLException {
    if (lanes < 1) {
      throw new IllegalArgumentException("wds.load.lanes must be at least 1, not " + lanes);
    }
    List<DeliveryLoader> loaders = new ArrayList<>();
    List<Connection> duplicates = new ArrayList<>();
    try {
      loaders.add(new DeliveryLoader(db.connection(), catalog, settings, listener));
      for (int lane = 2; lane <= lanes; lane++) {
        Connection c = db.connection().unwrap(DuckDBConnection.class).duplicate();
        duplicates.add(c);
        loaders.add(new DeliveryLoader(c, catalog, settings, listener));
      }
    } catch (SQLException | RuntimeException e) {
      new LoadLanes(loaders, duplicates).close();
      throw e;
    }
    return new LoadLanes(loaders, duplicates);
  }

  /** How many lanes. */
  public int size() {
    return loaders.size();
  }

  /** What a lane does with the loader it borrowed: one delivery, or one source's pulls. */
  @FunctionalInterface
  public interface Work<T> {
    T on(DeliveryLoader loader) throws SQLException, IOException;
  }

  /**
   * Runs {@code work} on a free lane's loader, waiting for one if every lane is busy (never, when
   * no more callers run at once than there are lanes).
   */
  public <T> T run(Work<T> work) throws SQLException, IOException {
    DeliveryLoader loader;
    try {
      loader = free.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("stopped while waiting for a load lane");
    }
    try {
      return work.on(loader);
    } finally {
      free.add(loader);
    }
  }

  /**
   * The sources after the first (which loads alone) in the order the lanes take them: {@link
   * #LARGEST_FIRST}, then the others in the catalogue's order.
   *
   * @param sources the catalogue's sources, in its order
   */
  public static List<String> laneOrder(List<String> sources) {
    List<String> rest = sources.subList(1, sources.size());
    List<String> order = new ArrayList<>();
    LARGEST_FIRST.stream().filter(rest::contains).forEach(order::add);
    rest.stream().filter(s -> !order.contains(s)).forEach(order::add);
    return List.copyOf(order);
  }

  /**
   * Loads {@code deliveries} as the load job does: the first source's alone, then the others in
   * {@link #laneOrder}, each source's deliveries oldest first on one thread, as many threads as
   * lanes. For {@code wds benchmark-load}, whose figure is meant to be the job's.
   *
   * @param sources the catalogue's sources, in its order
   * @return every result, the first source's first, then as the lanes finished them
   */
  public List<DeliveryResult> loadAll(List<String> sources, List<Delivery> deliveries)
      throws SQLException, IOException {
    Map<String, List<Delivery>> bySource = new LinkedHashMap<>();
    sources.forEach(s -> bySource.put(s, new ArrayList<>()));
    deliveries.forEach(d -> bySource.get(d.source()).add(d));
    List<DeliveryResult> results = new ArrayList<>();
    for (Delivery d : bySource.get(sources.get(0))) {
      results.add(run(loader -> loader.load(d)));
    }
    List<DeliveryResult> done = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger thread = new AtomicInteger();
    ExecutorService lanes =
        Executors.newFixedThreadPool(
            size(), r -> new Thread(r, "load-lane-" + thread.incrementAndGet()));
    try {
      List<Future<?>> sourcesLoaded = new ArrayList<>();
      for (String source : laneOrder(sources)) {
        List<Delivery> ofSource = bySource.get(source);
        sourcesLoaded.add(
            lanes.submit(
                () -> {
                  for (Delivery d : ofSource) {
                    done.add(run(loader -> loader.load(d)));
                  }
                  return null;
                }));
      }
      for (Future<?> f : sourcesLoaded) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("stopped while the lanes loaded");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException s) {
        throw s;
      }
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      lanes.shutdownNow();
    }
    results.addAll(done);
    return results;
  }

  /**
   * Closes every loader (each restores what it set on the database) and the lanes' own connections;
   * the work database's own connection stays open for its owner.
   */
  @Override
  public void close() throws SQLException {
    for (DeliveryLoader loader : loaders) {
      loader.close();
    }
    SQLException first = null;
    for (Connection c : duplicates) {
      try {
        c.close();
      } catch (SQLException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
