package wds.jobs.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import wds.jobs.HomeOption;
import wds.jobs.OneLine;
import wds.jobs.OperatorException;
import wds.jobs.WdsHome;
import wds.warehouse.publish.Snapshots;
import wds.warehouse.report.Report;
import wds.warehouse.report.ReportKind;
import wds.warehouse.report.ReportSource;
import wds.warehouse.report.ReportYears;

/**
 * The {@code wds report} command: the monitoring report of a year from the current snapshot, as
 * four files ({@link ReportFiles#NAMES}). It starts no Spring application and only reads the
 * snapshot (and, with {@code --public}, the public feed).
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Writes the monitoring report of a year (report.html, report.docx, report.json,"
            + " yearbook.xlsx) from the current snapshot.")
public final class ReportCommand implements Callable<Integer> {

  @Mixin HomeOption home;

  @Option(
      names = "--year",
      paramLabel = "Y",
      description = "the report year (default: the plan's latest complete year with data)")
  Integer year;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      description =
          "annual, midterm or final (default: midterm in the plan's mid-term year, final in its"
              + " final year, otherwise annual)")
  String kind;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "where to write the report's folder <kind>-<year> (default: <home>/reports/<snapshot>/,"
              + " with --public <home>/public/reports/)")
  Path out;

  @Option(
      names = "--public",
      description = "build the report from the public feed alone (withheld cells shown as —)")
  boolean publicVersion;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    WdsHome wdsHome = home.home();
    ReportKind reportKind = kind(kind);
    Path snapshot =
        new Snapshots(wdsHome.snapshots()).current().orElseThrow(() -> noSnapshot(wdsHome));
    try (ReportSource source = source(wdsHome, snapshot)) {
      ReportRequest request =
          ReportRequest.resolve(ReportYears.read(source.connection()), year, reportKind);
      Path folder = folder(wdsHome, snapshot, request);
      writable(folder.getParent());
      Report report = Report.read(source, request.year(), request.kind());
      ReportFiles.write(report, folder);
      PrintWriter console = spec.commandLine().getOut();
      console.println(
          "wds report: "
              + request.kind().title()
              + " "
              + request.year()
              + (publicVersion ? " (public)" : "")
              + " written to "
              + folder);
      console.flush();
      return 0;
    }
  }

  private ReportSource source(WdsHome wdsHome, Path snapshot) throws SQLException {
    if (!publicVersion) {
      return ReportSource.internal(snapshot);
    }
    if (!Files.isRegularFile(wdsHome.publicFeed().resolve("indicator_value.parquet"))) {
      throw new OperatorException(
          "no public feed in " + wdsHome.publicFeed() + " yet: wds publish writes it");
    }
    return ReportSource.publicFeed(snapshot, wdsHome.publicFeed());
  }

  /**
   * The report's folder: under {@code --out}, or the home's reports folder of the snapshot; a
   * public report never lands among the internal ones, nor an internal one in {@code public/}.
   */
  private Path folder(WdsHome wdsHome, Path snapshot, ReportRequest request) {
    Path parent;
    if (out != null) {
      parent = out.toAbsolutePath().normalize();
    } else if (publicVersion) {
      parent = ReportsFolder.publicReports(wdsHome);
    } else {
      parent = ReportsFolder.of(wdsHome).snapshot(snapshot);
    }
    if (!publicVersion && parent.startsWith(wdsHome.publicFeed())) {
      throw new OperatorException(
          "the internal report never goes into the public feed "
              + wdsHome.publicFeed()
              + ": choose another --out or add --public");
    }
    return parent.resolve(request.folderName());
  }

  private static void writable(Path parent) {
    try {
      Files.createDirectories(parent);
      Path probe = Files.createTempFile(parent, ".probe", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new OperatorException(
          "cannot write the report into "
              + parent
              + " ("
              + OneLine.of(e)
              + "): choose another --out",
          e);
    }
  }

  private static ReportKind kind(String kind) {
    if (kind == null) {
      return null;
    }
    try {
      return ReportKind.of(kind);
    } catch (IllegalArgumentException e) {
      throw new OperatorException(
          "unknown report kind '" + kind + "': annual, midterm or final", e);
    }
  }

  private static OperatorException noSnapshot(WdsHome wdsHome) {
    return new OperatorException(
        "no snapshot yet in "
            + wdsHome.snapshots()
            + ": wds nightly (or wds publish) publishes one, then wds report can write");
  }
}
