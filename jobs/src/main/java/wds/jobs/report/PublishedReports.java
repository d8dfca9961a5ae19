package wds.jobs.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import wds.jobs.WdsHome;
import wds.warehouse.publish.AtomicLink;
import wds.warehouse.publish.Snapshots;
import wds.warehouse.report.Report;
import wds.warehouse.report.ReportKind;
import wds.warehouse.report.ReportSource;
import wds.warehouse.report.ReportYears;

/**
 * The reports every publish writes beside the snapshot it published: the annual report of the
 * plan's latest complete year, and the mid-term and final reports once their year is complete,
 * under {@code <home>/reports/<snapshot-id>/<kind>-<year>/}; then {@code reports/current} is
 * pointed at that snapshot's folder in one step (as {@code current.duckdb}). The public versions,
 * built from the feed alone, go to {@code <home>/public/reports/}. Folders of snapshots no longer
 * kept are removed.
 */
public final class PublishedReports {

  private static final Logger log = LoggerFactory.getLogger(PublishedReports.class);

  private PublishedReports() {}

  /** What a publish wrote: the internal reports' folders and the public ones. */
  public record Written(List<Path> internal, List<Path> publicReports) {}

  /** The reports a snapshot with these years asks for (none before a complete year). */
  public static List<ReportRequest> due(ReportYears years) {
    List<ReportRequest> due = new ArrayList<>();
    if (years.latestCompleteYear().isEmpty()) {
      return due;
    }
    int complete = years.latestCompleteYear().getAsInt();
    due.add(new ReportRequest(complete, ReportKind.ANNUAL));
    if (years.midTermYear() <= complete && years.hasData(years.midTermYear())) {
      due.add(new ReportRequest(years.midTermYear(), ReportKind.MIDTERM));
    }
    if (years.finalYear() <= complete && years.hasData(years.finalYear())) {
      due.add(new ReportRequest(years.finalYear(), ReportKind.FINAL));
    }
    return due;
  }

  /** Writes the due reports of the home's current snapshot and points reports/current at them. */
  public static Written write(WdsHome home) throws SQLException, IOException {
    Path snapshot = new Snapshots(home.snapshots()).requireCurrent();
    ReportsFolder reports = ReportsFolder.of(home);
    Path folder = reports.snapshot(snapshot);
    List<Path> internal = new ArrayList<>();
    List<ReportRequest> due;
    try (ReportSource source = ReportSource.internal(snapshot)) {
      due = due(ReportYears.read(source.connection()));
      for (ReportRequest r : due) {
        internal.add(
            ReportFiles.write(
                Report.read(source, r.year(), r.kind()), folder.resolve(r.folderName())));
      }
    }
    Files.createDirectories(folder);
    AtomicLink.pointTo(reports.currentLink(), folder.getFileName().toString());
    List<Path> publicReports = new ArrayList<>();
    if (!due.isEmpty()
        && Files.isRegularFile(home.publicFeed().resolve("indicator_value.parquet"))) {
      try (ReportSource source = ReportSource.publicFeed(snapshot, home.publicFeed())) {
        for (ReportRequest r : due) {
          publicReports.add(
              ReportFiles.write(
                  Report.read(source, r.year(), r.kind()),
                  ReportsFolder.publicReports(home).resolve(r.folderName())));
        }
      }
    }
    prune(home, reports);
    log.info(
        "reports of {} written: {}; public {}", snapshot.getFileName(), internal, publicReports);
    return new Written(internal, publicReports);
  }

  /** Removes the report folders of snapshots that are no longer kept. */
  private static void prune(WdsHome home, ReportsFolder reports) throws IOException {
    try (Stream<Path> folders = Files.list(reports.root())) {
      for (Path f : folders.toList()) {
        String name = f.getFileName().toString();
        if (Files.isSymbolicLink(f) || name.startsWith(".") || !Files.isDirectory(f)) {
          continue;
        }
        if (!Files.exists(home.snapshots().resolve(name + ".duckdb"))) {
          ReportFiles.delete(f);
        }
      }
    }
  }
}
