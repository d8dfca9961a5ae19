package wds.jobs.report;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import wds.jobs.HomeOption;
import wds.jobs.OperatorException;
import wds.jobs.WdsHome;
import wds.warehouse.publish.Snapshots;
import wds.warehouse.publish.VersionedFolder;

/**
 * The {@code wds benchmark-report} command: the time to build the reports a publish writes (the due
 * internal reports and their public versions, four files each) from the home's current snapshot,
 * into a scratch folder; the home is left as it was. Run it after {@code ./wds demo} for the
 * default county's figure (README).
 */
@Command(
    name = "benchmark-report",
    mixinStandardHelpOptions = true,
    description = "Times building the publish's reports from the current snapshot.")
public final class BenchmarkReportCommand implements Callable<Integer> {

  @Mixin HomeOption home;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "3",
      description = "how many times to build them (default ${DEFAULT-VALUE})")
  int runs;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (runs < 1) {
      throw new OperatorException("--runs must be 1 or more, not " + runs);
    }
    WdsHome wdsHome = home.home();
    Path snapshot =
        new Snapshots(wdsHome.snapshots())
            .current()
            .orElseThrow(
                () ->
                    new OperatorException(
                        "no snapshot yet in " + wdsHome.snapshots() + ": run ./wds demo first"));
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "Reports of " + snapshot.getFileName() + " (internal and public), " + runs + " runs");
    Path scratch = Files.createTempDirectory("wds-benchmark-report");
    List<Double> seconds = new ArrayList<>();
    try {
      for (int run = 1; run <= runs; run++) {
        long t0 = System.nanoTime();
        PublishedReports.Written written =
            PublishedReports.write(
                snapshot,
                wdsHome.publicFeed(),
                scratch.resolve(run + "-internal"),
                scratch.resolve(run + "-public"));
        double s = (System.nanoTime() - t0) / 1e9;
        seconds.add(s);
        out.printf(
            Locale.ROOT,
            "  run %d: %d reports %s and %d public in %.1f s%n",
            run,
            written.internal().size(),
            written.internal().stream().map(p -> p.getFileName().toString()).toList(),
            written.publicReports().size(),
            s);
        out.flush();
      }
    } finally {
      VersionedFolder.deleteTree(scratch);
    }
    List<Double> sorted = seconds.stream().sorted().toList();
    out.printf(
        Locale.ROOT,
        "best %.1f s, median %.1f s (target: under 10 s)%n",
        sorted.get(0),
        sorted.get(sorted.size() / 2));
    out.flush();
    return 0;
  }
}
