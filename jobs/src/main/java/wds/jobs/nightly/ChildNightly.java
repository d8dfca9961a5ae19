package wds.jobs.nightly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import wds.jobs.WdsJava;

/**
 * {@code wds nightly} run whole in a child JVM (this JVM's java and class path), as an operator
 * runs it: its wall and CPU time and peak resident memory from {@code /usr/bin/time} where it
 * exists, else from the child's {@code /proc} entry sampled while it runs; its steps' times from
 * the job repository it leaves behind.
 */
final class ChildNightly {

  private static final Path GNU_TIME = Path.of("/usr/bin/time");

  private ChildNightly() {}

  /** One whole nightly's figures. */
  record Result(
      double wallSeconds,
      double cpuSeconds,
      double peakRssMb,
      double jobSeconds,
      Map<String, Double> stepSeconds) {

    /** What the process spent outside the job: JVM and Spring start, job repository, exit. */
    double outsideJobSeconds() {
      return wallSeconds - jobSeconds;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "wall %.2f s, CPU %.2f s, peak RSS %,.0f MB, job %.2f s",
          wallSeconds,
          cpuSeconds,
          peakRssMb,
          jobSeconds);
    }
  }

  /** Runs {@code wds nightly --home home --drop drop} and returns its figures. */
  static Result run(Path home, Path drop) throws IOException, InterruptedException, SQLException {
    Files.createDirectories(home);
    Path log = home.resolveSibling(home.getFileName() + ".log");
    Path timeFile = home.resolveSibling(home.getFileName() + ".time");
    boolean gnuTime = Files.isExecutable(GNU_TIME);
    List<String> command = new ArrayList<>();
    if (gnuTime) {
      command.addAll(List.of(GNU_TIME.toString(), "-f", "%e %U %S %M", "-o", timeFile.toString()));
    }
    command.addAll(
        WdsJava.command(
            List.of(WdsJava.BUILD_HEAP, Objects.toString(System.getenv("WDS_JAVA_OPTS"), ""))));
    command.addAll(List.of("nightly", "--home", home.toString(), "--drop", drop.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("WDS_PSEUDONYM_KEY", BenchmarkNightlyCommand.benchmarkSecret());
    long t0 = System.nanoTime();
    Process process = builder.start();
    Sampler sampler = new Sampler(process.toHandle());
    while (!process.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      sampler.sample();
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "the benchmark's nightly failed (exit " + process.exitValue() + "); its output: " + log);
    }
    double cpu = sampler.cpuSeconds();
    double rssMb = sampler.peakRssKb() / 1024.0;
    if (gnuTime) {
      String[] f = Files.readString(timeFile).trim().split("\\s+");
      String[] last = f.length > 4 ? java.util.Arrays.copyOfRange(f, f.length - 4, f.length) : f;
      wall = Double.parseDouble(last[0]);
      cpu = Double.parseDouble(last[1]) + Double.parseDouble(last[2]);
      rssMb = Long.parseLong(last[3]) / 1024.0;
    }
    Map<String, Double> steps = new LinkedHashMap<>();
    double job = jobSteps(home, steps);
    return new Result(wall, cpu, rssMb, job, steps);
  }

  /**
   * The nightly job's step executions in the child's job repository, in order, into {@code steps};
   * returns the job's own duration.
   */
  private static double jobSteps(Path home, Map<String, Double> steps) throws SQLException {
    String url = "jdbc:h2:file:" + home.resolve("state/jobrepo").toAbsolutePath();
    try (Connection h2 = DriverManager.getConnection(url, "sa", "");
        PreparedStatement ps =
            h2.prepareStatement(
                "select s.step_name, s.start_time, s.end_time from batch_step_execution s"
                    + " join batch_job_execution j on j.job_execution_id = s.job_execution_id"
                    + " join batch_job_instance i on i.job_instance_id = j.job_instance_id"
                    + " where i.job_name = ? order by s.step_execution_id")) {
      ps.setString(1, NightlyJobConfiguration.JOB);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          steps.put(rs.getString(1), seconds(rs.getTimestamp(2), rs.getTimestamp(3)));
        }
      }
      try (PreparedStatement job =
          h2.prepareStatement(
              "select j.start_time, j.end_time from batch_job_execution j"
                  + " join batch_job_instance i on i.job_instance_id = j.job_instance_id"
                  + " where i.job_name = ? order by j.job_execution_id desc"); ) {
        job.setString(1, NightlyJobConfiguration.JOB);
        try (ResultSet rs = job.executeQuery()) {
          return rs.next() ? seconds(rs.getTimestamp(1), rs.getTimestamp(2)) : 0;
        }
      }
    }
  }

  private static double seconds(Timestamp start, Timestamp end) {
    if (start == null || end == null) {
      return 0;
    }
    return Duration.between(start.toInstant(), end.toInstant()).toNanos() / 1e9;
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
