package wds.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark's whole process: a command run from start to exit with its output in a log file, and
 * its wall and CPU time (user + system, children included) and peak resident memory, from {@code
 * /usr/bin/time} where it exists, else from the child's {@code /proc} entry sampled every 50 ms
 * while it runs.
 */
public final class ChildProcess {

  private static final Path GNU_TIME = Path.of("/usr/bin/time");

  private ChildProcess() {}

  /** What one whole process cost. */
  public record Measured(double wallSeconds, double cpuSeconds, double peakRssMb) {

    /** Each figure's median over {@code runs} (one run: that run). */
    public static Measured median(List<Measured> runs) {
      return new Measured(
          median(runs.stream().mapToDouble(Measured::wallSeconds).toArray()),
          median(runs.stream().mapToDouble(Measured::cpuSeconds).toArray()),
          median(runs.stream().mapToDouble(Measured::peakRssMb).toArray()));
    }

    private static double median(double[] values) {
      Arrays.sort(values);
      int n = values.length;
      return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "wall %.2f s, CPU %.2f s, peak RSS %,.0f MB",
          wallSeconds,
          cpuSeconds,
          peakRssMb);
    }
  }

  /**
   * The pseudonymisation secret of a benchmark's throw-away homes (base64 of 32 zero bytes): their
   * person keys are never kept.
   */
  public static final String THROWAWAY_SECRET = Base64.getEncoder().encodeToString(new byte[32]);

  /**
   * Runs {@code wds <command> --home home --drop drop} started as an operator starts it ({@link
   * WdsJava#asLaunched}: through the launcher, or with its heap cap), with {@link
   * #THROWAWAY_SECRET}, its output in {@code <home>.log} beside the home.
   */
  public static Measured wds(String command, Path home, Path drop)
      throws IOException, InterruptedException {
    return wds(command, home, drop, Map.of());
  }

  /** {@link #wds(String, Path, Path)} with {@code environment} (settings) added. */
  public static Measured wds(String command, Path home, Path drop, Map<String, String> environment)
      throws IOException, InterruptedException {
    Map<String, String> env = new java.util.HashMap<>(environment);
    env.put("WDS_PSEUDONYM_KEY", THROWAWAY_SECRET);
    List<String> line =
        new ArrayList<>(
            WdsJava.asLaunched(
                List.of(WdsJava.BUILD_HEAP, Objects.toString(System.getenv("WDS_JAVA_OPTS"), ""))));
    line.addAll(List.of(command, "--home", home.toString(), "--drop", drop.toString()));
    return run(command, line, env, home.resolveSibling(home.getFileName() + ".log"));
  }

  /**
   * Runs {@code command} with {@code environment} added to this process's, its output (both
   * streams) into {@code log}.
   *
   * @param what the run's name for a failure's message ("nightly", "load")
   * @throws IllegalStateException the command exits with another code than 0 (the message names the
   *     log)
   */
  public static Measured run(
      String what, List<String> command, Map<String, String> environment, Path log)
      throws IOException, InterruptedException {
    Path timeFile = log.resolveSibling(log.getFileName() + ".time");
    boolean gnuTime = Files.isExecutable(GNU_TIME);
    List<String> full = new ArrayList<>();
    if (gnuTime) {
      full.addAll(List.of(GNU_TIME.toString(), "-f", "%e %U %S %M", "-o", timeFile.toString()));
    }
    full.addAll(command);
    ProcessBuilder builder =
        new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    long t0 = System.nanoTime();
    Process process = builder.start();
    Sampler sampler = new Sampler(process.toHandle());
    while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
      sampler.sample();
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "the benchmark's "
              + what
              + " failed (exit "
              + process.exitValue()
              + "); its output: "
              + log);
    }
    if (gnuTime) {
      // the last line holds the figures; GNU time writes "Command exited ..." before it on failure
      String[] f = Files.readString(timeFile).trim().split("\\s+");
      String[] last = f.length > 4 ? Arrays.copyOfRange(f, f.length - 4, f.length) : f;
      return new Measured(
          Double.parseDouble(last[0]),
          Double.parseDouble(last[1]) + Double.parseDouble(last[2]),
          Long.parseLong(last[3]) / 1024.0);
    }
    return new Measured(wall, sampler.cpuSeconds(), sampler.peakRssKb() / 1024.0);
  }

  /**
   * The child's peak resident memory and CPU time, read from {@code /proc} while it runs (the
   * figures of a process that has exited are gone): the fallback where there is no /usr/bin/time.
   */
  private static final class Sampler {

    private final ProcessHandle root;
    private long peakRssKb;
    private double cpuSeconds;

    Sampler(ProcessHandle root) {
      this.root = root;
    }

    void sample() {
      List<ProcessHandle> all = new ArrayList<>();
      all.add(root);
      root.descendants().forEach(all::add);
      double cpu = 0;
      for (ProcessHandle p : all) {
        peakRssKb = Math.max(peakRssKb, hwmKb(p.pid()));
        Optional<Duration> used = p.info().totalCpuDuration();
        cpu += used.map(d -> d.toNanos() / 1e9).orElse(0.0);
      }
      cpuSeconds = Math.max(cpuSeconds, cpu);
    }

    long peakRssKb() {
      return peakRssKb;
    }

    double cpuSeconds() {
      return cpuSeconds;
    }

    private static long hwmKb(long pid) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
          if (line.startsWith("VmHWM:")) {
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
          }
        }
      } catch (IOException | RuntimeException e) {
        // the process has just exited
      }
      return 0;
    }
  }
}
