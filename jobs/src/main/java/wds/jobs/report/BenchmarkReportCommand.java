package wds.jobs.report;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
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
 * default county's figure (README). The first run, in a JVM that has built no report yet, is the
 * figure that counts: a nightly publish builds the reports once, in such a JVM. Each run gives its
 * wall time, the CPU time the process spent in it and the load average, since a wall time on a busy
 * machine says little alone.
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
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    out.printf(
        Locale.ROOT,
        "Reports of %s (internal and public), %d runs; %d cores, load average %.2f%n",
        snapshot.getFileName(),
        runs,
        os.getAvailableProcessors(),
        os.getSystemLoadAverage());
    Path scratch = Files.createTempDirectory("wds-benchmark-report");
    List<Double> seconds = new ArrayList<>();
    try {
      for (int run = 1; run <= runs; run++) {
        long cpu0 = cpuNanos(os);
        long t0 = System.nanoTime();
        PublishedReports.Written written =
            PublishedReports.write(
                snapshot,
                wdsHome.publicFeed(),
                scratch.resolve(run + "-internal"),
                scratch.resolve(run + "-public"));
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos(os) - cpu0) / 1e9;
        seconds.add(s);
        out.printf(
            Locale.ROOT,
            "  run %d%s: %d reports %s and %d public in %.1f s (CPU %.1f s, load average %.2f)%n",
            run,
            run == 1 ? " (cold)" : " (warm)",
            written.internal().size(),
            written.internal().stream().map(p -> p.getFileName().toString()).toList(),
            written.publicReports().size(),
            s,
            cpu,
            os.getSystemLoadAverage());
        out.flush();
      }
    } finally {
      VersionedFolder.deleteTree(scratch);
    }
    out.printf(
        Locale.ROOT,
        "cold (the first run in a fresh JVM, as wds report runs): %.1f s (target: under 10 s)%s%n",
        seconds.get(0),
        seconds.size() < 2
            ? ""
            : String.format(
                Locale.ROOT,
                "; warm best %.1f s",
                seconds.subList(1, seconds.size()).stream().min(Double::compare).orElseThrow()));
    out.flush();
    return 0;
  }

  /** The CPU time of the whole process so far (every thread, the JIT's and the collector's too). */
  private static long cpuNanos(OperatingSystemMXBean os) {
    return os instanceof com.sun.management.OperatingSystemMXBean jdk ? jdk.getProcessCpuTime() : 0;
  }
}
