package wds.jobs.region;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;
import org.springframework.batch.core.step.StepExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import wds.jobs.OperatorException;
import wds.jobs.WdsJava;

/**
 * {@code wds benchmark-region}: the region's night with 1, 2, ... workers on this machine, each run
 * from fresh county homes (their deliveries and secrets kept): wall time, speed-up over one worker,
 * the manager's own share (partitioning and the region build), and each worker's peak memory
 * (resident set of the worker and its county nightly processes, sampled every 200 ms).
 */
@Command(
    name = "benchmark-region",
    mixinStandardHelpOptions = true,
    description = {
      "Run a remote-mode region's night with 1, 2, ... local workers and print the figures.",
      "Generate the region first (wds generate --region FILE). County homes are emptied before"
          + " each run (deliveries, drop folders and pseudonymisation secrets are kept)."
    })
public final class BenchmarkRegionCommand implements Callable<Integer> {

  @Option(names = "--region", required = true, paramLabel = "FILE", description = "the region file")
  Path region;

  @Option(
      names = "--workers",
      split = ",",
      paramLabel = "N,...",
      description = "worker counts to compare (default 1,2)")
  List<Integer> counts = List.of(1, 2);

  @Override
  public Integer call() throws Exception {
    RegionFile file = RegionFile.load(region);
    if (!file.partitioning().remote()) {
      throw new OperatorException(
          "region file " + file.file() + ": the benchmark needs mode remote");
    }
    PrintStream out = System.out;
    List<String> lines = new ArrayList<>();
    double first = 0;
    for (int n : counts) {
      reset(file);
      List<Process> workers = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        workers.add(worker(file, file.home().logs().resolve("benchmark-worker" + i + ".out")));
      }
      // a benchmark stopped by a signal takes its workers (and so their county nightlies) along
      Thread cleanup = new Thread(() -> workers.forEach(Process::destroyForcibly));
      Runtime.getRuntime().addShutdownHook(cleanup);
      AtomicLongArray peaks = new AtomicLongArray(n);
      Thread sampler = sampler(workers, peaks);
      long t0 = System.nanoTime();
      RegionNightly.Outcome outcome;
      try {
        outcome = RegionNightly.execute(file, out);
      } finally {
        sampler.interrupt();
        workers.forEach(Process::destroy);
        for (Process w : workers) {
          w.waitFor();
        }
        Runtime.getRuntime().removeShutdownHook(cleanup);
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      double counties = seconds(outcome.execution().getStepExecutions(), "runCounties");
      double build = seconds(outcome.execution().getStepExecutions(), "buildRegion");
      first = first == 0 ? wall : first;
      StringBuilder heap = new StringBuilder();
      for (int i = 0; i < n; i++) {
        heap.append(i == 0 ? "" : ", ").append(peaks.get(i) / (1024 * 1024)).append(" MB");
      }
      lines.add(
          String.format(
              Locale.ROOT,
              "%d worker(s): %.1f s wall (exit %d), speed-up %.2f; counties %.1f s, region build"
                  + " %.1f s, manager's own share %.0f%% (%.1f s); peak memory per worker %s",
              n,
              wall,
              outcome.exitCode(),
              first / wall,
              counties,
              build,
              100 * (wall - counties) / wall,
              wall - counties,
              heap));
    }
    out.println();
    lines.forEach(out::println);
    out.flush();
    return 0;
  }

  private static double seconds(java.util.Collection<StepExecution> steps, String name) {
    return steps.stream()
        .filter(
            s -> s.getStepName().equals(name) && s.getStartTime() != null && s.getEndTime() != null)
        .mapToDouble(s -> Duration.between(s.getStartTime(), s.getEndTime()).toMillis() / 1e3)
        .sum();
  }

  /** Empties every county home but its secret and its drop folder, and the region's snapshots. */
  private static void reset(RegionFile file) throws IOException {
    for (RegionFile.County c : file.counties()) {
      Path root = c.home().root();
      if (!Files.exists(root)) {
        continue;
      }
      try (Stream<Path> all = Files.walk(root)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          if (p.equals(root)
              || p.startsWith(c.drop())
              || c.drop().startsWith(p)
              || p.equals(c.home().pseudonymKey())
              || p.equals(c.home().state())) {
            continue;
          }
          Files.delete(p);
        }
      }
    }
  }

  private static Process worker(RegionFile file, Path log) throws IOException {
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>(WdsJava.command(List.of()));
    command.addAll(List.of("worker", "--region", file.file().toString()));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /** Samples each worker's resident memory, with its county processes, every 200 ms. */
  private static Thread sampler(List<Process> workers, AtomicLongArray peaks) {
    Thread t =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                for (int i = 0; i < workers.size(); i++) {
                  ProcessHandle w = workers.get(i).toHandle();
                  long rss = rss(w.pid());
                  for (ProcessHandle d : w.descendants().toList()) {
                    rss += rss(d.pid());
                  }
                  long current = rss;
                  peaks.accumulateAndGet(i, current, Math::max);
                }
                try {
                  Thread.sleep(200);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "benchmark-sampler");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static long rss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | UncheckedIOException | NumberFormatException e) {
      // the process ended between listing and reading
    }
    return 0;
  }
}
