package wds.jobs.region;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import wds.jobs.DisplayWidth;
import wds.jobs.OperatorException;
import wds.schemas.CountyClock;
import wds.schemas.sql.SqlFile;
import wds.warehouse.publish.Snapshots;

/**
 * {@code wds status --region}: the region's snapshot, then one line per county: its night, the
 * county snapshot the region holds, how old it is, its newest delivery, and {@code STALE} when its
 * last good data stands in for a failed night.
 */
public final class RegionStatus {

  private RegionStatus() {}

  public static int print(RegionFile region, PrintWriter out) {
    Snapshots snapshots = new Snapshots(region.home().snapshots());
    Optional<Path> current = snapshots.current();
    if (current.isEmpty()) {
      out.println("No region snapshot has been published yet in " + snapshots.folder() + ".");
      out.flush();
      return 0;
    }
    out.println("Region    " + region.code() + " " + region.name() + " (" + region.level() + ")");
    out.println("Snapshot  " + current.get().getFileName());
    try (Connection conn = Snapshots.openReadOnly(current.get());
        Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery(SqlFile.load("wds/jobs/region/region_status.sql").sql())) {
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"county", "name", "night", "snapshot", "age", "last delivery", ""});
      LocalDateTime now = LocalDateTime.now(CountyClock.system());
      while (rs.next()) {
        LocalDateTime published = rs.getObject(5, LocalDateTime.class);
        rows.add(
            new String[] {
              rs.getString(1),
              rs.getString(2),
              rs.getString(6),
              rs.getString(4) == null ? "none" : rs.getString(4),
              published == null ? "-" : hours(Duration.between(published, now)),
              rs.getString(7) == null ? "-" : rs.getString(7),
              rs.getBoolean(8) ? "STALE: last good data stands in" : ""
            });
      }
      printAligned(rows, out);
    } catch (SQLException e) {
      throw new OperatorException(
          "cannot read the region snapshot " + current.get() + ": " + e.getMessage(), e);
    }
    out.flush();
    return 0;
  }

  /**
   * Prints the rows as columns two spaces apart, padded by display width: the county names are
   * Chinese, two columns per character on a terminal, so padding by characters would misalign every
   * column after the name.
   */
  private static void printAligned(List<String[]> rows, PrintWriter out) {
    int[] width = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], DisplayWidth.of(row[i]));
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == 0 ? "" : "  ").append(DisplayWidth.padRight(row[i], width[i]));
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private static String hours(Duration d) {
    long h = d.toHours();
    return h >= 48 ? (h / 24) + " days" : h + " h";
  }
}
