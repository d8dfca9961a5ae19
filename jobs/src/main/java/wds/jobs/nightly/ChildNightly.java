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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import wds.jobs.ChildProcess;

/**
 * {@code wds nightly} run whole in a child JVM (this JVM's java and class path), as an operator
 * runs it: its wall and CPU time and peak resident memory ({@link ChildProcess}); its steps' times
 * from the job repository it leaves behind.
 */
final class ChildNightly {

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
    ChildProcess.Measured whole = ChildProcess.wds("nightly", home, drop);
    Map<String, Double> steps = new LinkedHashMap<>();
    double job = jobSteps(home, steps);
    return new Result(whole.wallSeconds(), whole.cpuSeconds(), whole.peakRssMb(), job, steps);
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
}
