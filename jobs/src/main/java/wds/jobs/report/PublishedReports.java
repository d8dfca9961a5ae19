package wds.jobs.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import wds.jobs.QuickCompilation;
import wds.jobs.WdsHome;
import wds.warehouse.publish.AtomicLink;
import wds.warehouse.publish.Snapshots;
import wds.warehouse.publish.VersionedFolder;
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
    Written written;
    // C1 alone while the reports are built: they run once per process (QuickCompilation)
    try (QuickCompilation c1 = QuickCompilation.open()) {
      written = write(snapshot, home.publicFeed(), folder, ReportsFolder.publicReports(home));
    }
    Files.createDirectories(folder);
    AtomicLink.pointTo(reports.currentLink(), folder.getFileName().toString());
    prune(home, reports);
    log.info(
        "reports of {} written: {}; public {}",
        snapshot.getFileName(),
        written.internal(),
        written.publicReports());
    return written;
  }

  /**
   * Writes the due reports of {@code snapshot} into {@code internalFolder} and, when the feed in
   * {@code publicFeed} is there, their public versions into {@code publicFolder}: the two sets are
   * built side by side (one thread each, each on its own read-only connection), sharing the charts
   * and yearbooks they have in common ({@link RenderedParts}).
   */
  public static Written write(
      Path snapshot, Path publicFeed, Path internalFolder, Path publicFolder)
      throws SQLException, IOException {
    List<ReportRequest> due;
    try (ReportSource source = ReportSource.internal(snapshot)) {
      due = due(ReportYears.read(source.connection()));
    }
    if (due.isEmpty()) {
      return new Written(List.of(), List.of());
    }
    boolean withPublic = Files.isRegularFile(publicFeed.resolve("indicator_value.parquet"));
    RenderedParts parts = new RenderedParts();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<List<Path>> publicReports =
          withPublic
              ? threads.submit(
                  () ->
                      writeAll(
                          () -> ReportSource.publicFeed(snapshot, publicFeed),
                          due,
                          publicFolder,
                          parts))
              : null;
      List<Path> internal =
          writeAll(() -> ReportSource.internal(snapshot), due, internalFolder, parts);
      return new Written(internal, publicReports == null ? List.of() : publicReports.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing the reports", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      threads.shutdownNow();
    }
  }

  /** Opens a report source. */
  @FunctionalInterface
  private interface Opener {
    ReportSource open() throws SQLException;
  }

  private static List<Path> writeAll(
      Opener opener, List<ReportRequest> due, Path folder, RenderedParts parts)
      throws SQLException, IOException {
    List<Path> written = new ArrayList<>();
    // read once per year: the annual and the final report of the final year state the same rows
    Map<Integer, Report> read = new HashMap<>();
    try (ReportSource source = opener.open()) {
      for (ReportRequest r : due) {
        Report report = read.get(r.year());
        if (report == null) {
          report = Report.read(source, r.year(), r.kind());
          read.put(r.year(), report);
        }
        written.add(ReportFiles.write(report.as(r.kind()), folder.resolve(r.folderName()), parts));
      }
    }
    return written;
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
          VersionedFolder.deleteTree(f);
        }
      }
    }
  }
}
