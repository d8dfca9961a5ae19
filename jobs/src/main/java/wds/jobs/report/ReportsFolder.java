package wds.jobs.report;

import java.nio.file.Path;
import wds.jobs.WdsHome;

/**
 * The home's reports: {@code <home>/reports/<snapshot-id>/<kind>-<year>/}, one folder per snapshot
 * they were built from, and {@code <home>/reports/current}, a link to the current snapshot's; the
 * public reports under {@code <home>/public/reports/}.
 */
public record ReportsFolder(Path root) {

  /** The link to the current snapshot's reports. */
  public static final String CURRENT = "current";

  public static ReportsFolder of(WdsHome home) {
    return new ReportsFolder(home.root().resolve("reports"));
  }

  /** The public reports, in the public feed's folder. */
  public static Path publicReports(WdsHome home) {
    return home.publicFeed().resolve("reports");
  }

  /** The folder of the reports built from {@code snapshot} (named after its file, no suffix). */
  public Path snapshot(Path snapshot) {
    String name = snapshot.getFileName().toString().replaceFirst("\\.duckdb$", "");
    return root.resolve(name);
  }

  public Path currentLink() {
    return root.resolve(CURRENT);
  }
}
