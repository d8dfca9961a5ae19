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
      return reading.read(c, ReportYears.read(c), lease.snapshotName());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the snapshot: " + e.getMessage(), e);
    }
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

  static IndicatorDef indicator(Connection c, String code) throws SQLException {
    return IndicatorDef.catalog(c).stream()
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
