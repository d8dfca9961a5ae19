package wds.jobs.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import wds.jobs.HomeOption;
import wds.jobs.MachineLoad;
import wds.jobs.OperatorException;
import wds.jobs.WdsHome;
import wds.jobs.WdsJava;
import wds.warehouse.publish.Snapshots;

/**
 * {@code wds benchmark-start}: how long the short commands take as whole processes, start to exit,
 * as an operator meets them: {@code wds query "select 1"} and {@code wds status} on the home's
 * snapshot, a load of an empty drop folder (in a home of its own under {@code
 * <home>/benchmark/start/}, so the home's job repository is not touched) and {@code wds --version}.
 * Each runs N times in a child process; the medians of wall and CPU time (user + system, from
 * bash's {@code times}) are printed beside the machine's load average.
 *
 * <p>The children are started the way this process was: through the {@code wds} launcher when it
 * started this one ({@code WDS_LAUNCHER}), else with this JVM's {@code java} and class path.
 */
@Command(
    name = "benchmark-start",
    mixinStandardHelpOptions = true,
    description = "Measure the start of query, status and an empty load as whole processes.")
public final class BenchmarkStartCommand implements Callable<Integer> {

  /** bash's {@code times}: the second line holds the children's user and system time. */
  private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s");

  @Spec CommandSpec spec;

  @Mixin HomeOption homeOption;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "5",
      description = "runs of each command; medians are printed (default ${DEFAULT-VALUE})")
  int runs;

  /** One command measured: its label and its arguments after {@code wds}. */
  record Probe(String label, List<String> args) {}

  /** The medians of one probe. */
  record Timing(String label, double wall, double cpu) {}

  @Override
  public Integer call() throws Exception {
    if (runs < 1) {
      throw new ParameterException(spec.commandLine(), "--runs must be at least 1");
    }
    WdsHome home = homeOption.home();
    if (new Snapshots(home.snapshots()).current().isEmpty()) {
      throw new OperatorException(
          "no warehouse snapshot in "
              + home.snapshots()
              + " to query: publish one first, for example `wds demo --home "
              + home.root()
              + "`");
    }
    Path emptyHome = home.root().resolve("benchmark").resolve("start");
    Path emptyDrop = emptyHome.resolve("drop");
    if (!Files.exists(new WdsHome(emptyHome).pseudonymKey())) {
      // not timed: a load needs the home's secret, made once
      measure(List.of("init", "--home", emptyHome.toString()));
    }
    Files.createDirectories(emptyDrop);
    String h = home.root().toString();
    List<Probe> probes =
        List.of(
            new Probe("wds query --home H \"select 1\"", List.of("query", "--home", h, "select 1")),
            new Probe("wds status --home H", List.of("status", "--home", h)),
            new Probe(
                "wds load (empty drop folder)",
                List.of("load", "--home", emptyHome.toString(), "--drop", emptyDrop.toString())),
            new Probe("wds --version", List.of("--version")));
    String loadBefore = MachineLoad.now();
    System.out.printf(
        Locale.ROOT,
        "start-up as whole processes, start to exit: median of %d runs each (%s)%n",
        runs,
        System.getenv("WDS_LAUNCHER") != null
            ? "through the wds launcher"
            : String.join(" ", wds()));
    List<Timing> timings = new ArrayList<>();
    for (Probe probe : probes) {
      double[] wall = new double[runs];
      double[] cpu = new double[runs];
      for (int i = 0; i < runs; i++) {
        double[] measured = measure(probe.args());
        wall[i] = measured[0];
        cpu[i] = measured[1];
      }
      Timing timing = new Timing(probe.label(), median(wall), median(cpu));
      timings.add(timing);
      System.out.printf(
          Locale.ROOT,
          "  %-34s %6.2f s wall %6.2f s CPU   (wall min %.2f, max %.2f)%n",
          timing.label(),
          timing.wall(),
          timing.cpu(),
          Arrays.stream(wall).min().orElse(0),
          Arrays.stream(wall).max().orElse(0));
    }
    System.out.printf(
        Locale.ROOT,
        "  H = %s; load average (1, 5, 15 min) before %s, after %s, on %d cores%n",
        h,
        loadBefore,
        MachineLoad.now(),
        Runtime.getRuntime().availableProcessors());
    return 0;
  }

  /**
   * Runs {@code wds args} once in a child process, its output discarded; returns its wall and CPU
   * seconds. A child that fails ends the benchmark with its first line of error output.
   */
  private double[] measure(List<String> args) throws IOException, InterruptedException {
    Path errors = Files.createTempFile("wds-benchmark-start", ".err");
    try {
      List<String> command = new ArrayList<>();
      command.add("bash");
      command.add("-c");
      // times: the shell's own user/sys time, then its children's (the wds process)
      command.add("\"$@\" > /dev/null 2>\"$WDS_BENCHMARK_ERR\"; rc=$?; times; exit $rc");
      command.add("wds-benchmark-start");
      command.addAll(wds());
      command.addAll(args);
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("WDS_BENCHMARK_ERR", errors.toString());
      long t0 = System.nanoTime();
      Process process = builder.start();
      String times = new String(process.getInputStream().readAllBytes());
      int code = process.waitFor();
      double wall = (System.nanoTime() - t0) / 1e9;
      if (code != 0) {
        String first = Files.readString(errors).lines().findFirst().orElse("");
        throw new OperatorException(
            "wds " + String.join(" ", args) + " exited with " + code + ": " + first);
      }
      Matcher m = TIMES.matcher(times);
      double cpu = Double.NaN;
      if (m.find() && m.find()) {
        cpu =
            Integer.parseInt(m.group(1)) * 60
                + Double.parseDouble(m.group(2))
                + Integer.parseInt(m.group(3)) * 60
                + Double.parseDouble(m.group(4));
      }
      return new double[] {wall, cpu};
    } finally {
      Files.deleteIfExists(errors);
    }
  }

  /** How to start wds: the launcher that started this process, else this JVM and class path. */
  private static List<String> wds() {
    return WdsJava.asLaunched(List.of());
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
