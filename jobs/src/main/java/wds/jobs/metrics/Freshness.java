package wds.jobs.metrics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import wds.jobs.WdsHome;
import wds.schemas.CountyClock;
import wds.schemas.SchemaCatalog;
import wds.warehouse.publish.Snapshots;

/**
 * The freshness check: for every source, the latest delivery date among its loaded rows of {@code
 * etl_delivery} against today in county time, and whether that is older than its limit. Used by
 * {@code wds status} (warnings) and by the metrics (gauge {@code wds.delivery.lag.days}).
 */
public final class Freshness {

  /** County time, UTC+8: deliveries are dated and "today" is counted in it. */
  private Freshness() {}

  /**
   * Checks the current published snapshot of a home ({@code snapshots/current.duckdb}): what
   * analysts see, and a file the nightly writer never holds. Every source of the schema catalogue
   * is listed; one that never delivered (or any, before the first snapshot) is stale.
   */
  public static List<SourceFreshness> ofPublished(WdsHome home, FreshnessPolicy policy, Clock clock)
      throws SQLException {
    return check(
        currentSnapshot(home),
        SchemaCatalog.load().sources(),
        policy,
        LocalDate.now(clock.withZone(CountyClock.ZONE)));
  }

  /**
   * Checks any DuckDB file holding {@code etl_delivery} (a snapshot, or the work database when no
   * job is writing it). A missing file or table means no source delivered yet.
   *
   * @param sources the sources that must appear even without a delivery
   * @return one entry per source (those given and those found), in source order
   */
  public static List<SourceFreshness> check(
      Path database, Collection<String> sources, FreshnessPolicy policy, LocalDate today)
      throws SQLException {
    Map<String, LocalDate> latest = new TreeMap<>();
    sources.forEach(source -> latest.put(source, null));
    if (Files.exists(database)) {
      try (Connection connection = WarehouseReader.open(database)) {
        if (WarehouseReader.hasTable(connection, "etl_delivery")) {
          try (Statement statement = connection.createStatement();
              ResultSet rows = statement.executeQuery(WarehouseReader.sql("latest_delivery"))) {
            while (rows.next()) {
              Date date = rows.getDate("latest_delivery");
              latest.put(rows.getString("source"), date == null ? null : date.toLocalDate());
            }
          }
        }
      }
    }
    return latest.entrySet().stream()
        .map(
            e -> new SourceFreshness(e.getKey(), e.getValue(), policy.maxDaysOf(e.getKey()), today))
        .toList();
  }

  /** The current published snapshot, or a path that does not exist when there is none yet. */
  static Path currentSnapshot(WdsHome home) {
    Snapshots snapshots = new Snapshots(home.snapshots());
    return snapshots.current().orElse(snapshots.currentLink());
  }

  /** The warnings among the entries, one line each (empty when every source is fresh). */
  public static List<String> warnings(List<SourceFreshness> freshness) {
    return freshness.stream().filter(SourceFreshness::stale).map(SourceFreshness::warning).toList();
  }
}
