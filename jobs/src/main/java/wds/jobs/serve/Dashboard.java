package wds.jobs.serve;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.springframework.stereotype.Component;
import wds.warehouse.report.ReportYears;

/**
 * The dashboard's reading side: lends each request the current snapshot ({@link CurrentSnapshot})
 * and checks what a request names (an indicator, a township, a year) against it before any page is
 * built.
 */
@Component
public class Dashboard implements AutoCloseable {

  private final CurrentSnapshot snapshot;

  /**
   * What pages read from one snapshot, kept while it is current: a published file never changes.
   */
  private final Map<List<Object>, Object> cache = new java.util.concurrent.ConcurrentHashMap<>();

  private volatile String cachedFor = "";

  /** At most this many page readings are kept (pages × years × indicators of one snapshot). */
  static final int CACHE_LIMIT = 5_000;

  public Dashboard(ServeSettings settings) {
    this.snapshot = new CurrentSnapshot(settings.wdsHome().snapshots());
  }

  /** What a page does with the snapshot. */
  @FunctionalInterface
  public interface Reading<T> {
    T read(Connection snapshot, ReportYears years, String snapshotName) throws SQLException;
  }

  /** Runs {@code reading} on the current snapshot; {@link NoSnapshotYet} when there is none. */
  public <T> T read(Reading<T> reading) {
    try (CurrentSnapshot.Lease lease = snapshot.lease().orElseThrow(NoSnapshotYet::new)) {
      Connection c = lease.connection();
      String name = lease.snapshotName();
      ReportYears years = cached(name, List.of("years"), () -> ReportYears.read(c));
      return reading.read(c, years, name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the snapshot: " + e.getMessage(), e);
    }
  }

  /** A reading that may fail with a {@link SQLException}. */
  @FunctionalInterface
  public interface Load<T> {
    T load() throws SQLException;
  }

  /**
   * What {@code load} reads from snapshot {@code snapshotName} for {@code key}, read once while
   * that snapshot is current (a published snapshot never changes; a newer one empties the cache).
   */
  @SuppressWarnings("unchecked")
  public <T> T cached(String snapshotName, List<Object> key, Load<T> load) throws SQLException {
    if (!snapshotName.equals(cachedFor)) {
      synchronized (cache) {
        if (!snapshotName.equals(cachedFor)) {
          cache.clear();
          cachedFor = snapshotName;
        }
      }
    }
    Object found = cache.get(key);
    if (found == null) {
      found = load.load();
      if (cache.size() >= CACHE_LIMIT) {
        cache.clear();
      }
      cache.put(key, found);
    }
    return (T) found;
  }

  /**
   * The year a request asks for, checked against the snapshot's data years; the plan's latest
   * complete year when none is asked for (the year the committee asks about, as the reports).
   */
  static int year(Integer asked, ReportYears years) {
    if (asked == null) {
      OptionalInt complete = years.latestCompleteYear();
      return complete.isPresent() ? complete.getAsInt() : years.lastDataYear();
    }
    if (!years.hasData(asked)) {
      throw new BadRequest(
          "年份 "
              + asked
              + " 不在快照的数据范围内（"
              + years.firstDataYear()
              + "–"
              + years.lastDataYear()
              + "）");
    }
    return asked;
  }

  /** The snapshot's indicator catalogue, read once per snapshot. */
  List<IndicatorDef> catalog(Connection c, String snapshotName) throws SQLException {
    return cached(snapshotName, List.of("catalog"), () -> IndicatorDef.catalog(c));
  }

  static IndicatorDef indicator(Connection c, String code) throws SQLException {
    return indicator(IndicatorDef.catalog(c), code);
  }

  static IndicatorDef indicator(List<IndicatorDef> catalog, String code) {
    return catalog.stream()
        .filter(d -> d.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new NotFound("没有指标 " + code));
  }

  static List<Map<String, Object>> areas(Connection c) throws SQLException {
    return Rows.query(c, "areas");
  }

  static Map<String, Object> township(Connection c, String code) throws SQLException {
    return areas(c).stream()
        .filter(a -> "township".equals(a.get("area_level")) && a.get("area_code").equals(code))
        .findFirst()
        .orElseThrow(() -> new NotFound("没有乡镇 " + code));
  }

  @Override
  public void close() {
    snapshot.close();
  }
}
