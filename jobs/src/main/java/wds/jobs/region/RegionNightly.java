package wds.jobs.region;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;
import wds.jobs.HomeLock;
import wds.jobs.HomeModes;
import wds.jobs.OneLine;
import wds.jobs.OperatorException;
import wds.jobs.WdsLogging;

/**
 * {@code wds nightly --region}: the region's job once, as its manager. Only one manager runs a
 * region at a time: it holds the region home's lock and, in remote mode, a PostgreSQL advisory lock
 * named after the region in the shared job repository, so a second manager on another machine is
 * refused in one line. Exit 0 when every county's night succeeded, 2 when some county's delivery
 * was refused or its night failed (its last good snapshot stands in), 1 when the region could not
 * be built.
 */
public final class RegionNightly {

  private static final Logger log = LoggerFactory.getLogger(RegionNightly.class);

  private RegionNightly() {}

  /** What one region night did: its exit code and the job execution (for the benchmark). */
  public record Outcome(int exitCode, JobExecution execution) {}

  public static int run(RegionFile region, PrintStream out) {
    return execute(region, out).exitCode();
  }

  /** Runs the region's night once and says how it ended. */
  public static Outcome execute(RegionFile region, PrintStream out) {
    region.createHomes();
    if (!region.partitioning().remote()) {
      // each county's nightly needs its secret; said for the first county without one, before
      // anything runs (in remote mode the workers' machines hold them)
      region.counties().forEach(c -> wds.jobs.PseudonymSecret.require(c.home()));
    }
    WdsLogging.toHome(region.home());
    try (HomeLock lock = HomeLock.acquire(region.home());
        Connection managerLock = managerLock(region);
        ConfigurableApplicationContext context = RegionContext.start(region, "manager")) {
      JobOperator operator = context.getBean(JobOperator.class);
      JobRepository repository = context.getBean(JobRepository.class);
      // a manager killed half-way left its execution "started"; holding the locks, it is dead
      for (JobExecution e : repository.findRunningJobExecutions(RegionJobConfiguration.JOB)) {
        if (region.code().equals(e.getJobParameters().getString("region"))) {
          operator.recover(e);
        }
      }
      if (region.partitioning().remote()) {
        // requests a dead manager left are void (its execution was just marked failed): a worker
        // must not take one for a step execution of tonight's run
        context
            .getBean(org.springframework.amqp.core.AmqpAdmin.class)
            .purgeQueue(RegionRemoteConfiguration.queueName(region), false);
      }
      long t0 = System.nanoTime();
      JobExecution execution =
          operator.start(
              context.getBean("regionNightlyJob", Job.class),
              new JobParametersBuilder()
                  .addString("region", region.code())
                  .addLocalDateTime("run.at", LocalDateTime.now())
                  .toJobParameters());
      HomeModes.apply(region.home());
      region.counties().forEach(c -> HomeModes.apply(c.home()));
      JobExecution ended = repository.getJobExecution(execution.getId());
      return new Outcome(summary(region, ended, out, (System.nanoTime() - t0) / 1e9), ended);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new OperatorException(
          "cannot reach the job repository "
              + region.partitioning().jobRepository()
              + ": "
              + OneLine.of(e),
          e);
    } catch (org.springframework.batch.core.job.JobExecutionException e) {
      throw new IllegalStateException("the region job could not start", e);
    }
  }

  private static int summary(
      RegionFile region, JobExecution execution, PrintStream out, double seconds) {
    Map<String, RegionWarehouse.Night> nights = RegionJobConfiguration.nights(execution);
    int exit = 0;
    for (RegionFile.County c : region.counties()) {
      RegionWarehouse.Night night = nights.getOrDefault(c.code(), RegionWarehouse.Night.NOT_RUN);
      if (night != RegionWarehouse.Night.DONE) {
        exit = 2;
      }
      out.printf(
          Locale.ROOT,
          "county %s %s: %s%s%n",
          c.code(),
          c.name(),
          night.name().toLowerCase(Locale.ROOT).replace('_', ' '),
          night == RegionWarehouse.Night.DONE ? "" : " (" + CountyNightly.lastLine(c) + ")");
    }
    StepExecution build =
        execution.getStepExecutions().stream()
            .filter(s -> s.getStepName().equals("buildRegion"))
            .findFirst()
            .orElse(null);
    if (build == null || build.getStatus() != BatchStatus.COMPLETED) {
      String why =
          build == null ? "" : build.getExitStatus().getExitDescription().strip().split("\n")[0];
      System.err.println(
          "wds nightly: the region "
              + region.code()
              + " could not be built"
              + (why.isEmpty() ? "" : ": " + why)
              + " (details: "
              + region.home().logs().resolve(WdsLogging.FILE)
              + ")");
      return 1;
    }
    String kept = build.getExecutionContext().getString(RegionJobConfiguration.KEPT, "");
    out.printf(
        Locale.ROOT,
        "region %s %s: %s in %s (%.1f s)%n",
        region.code(),
        region.name(),
        kept.isEmpty() ? "published" : "nothing changed since " + kept + " was published; kept",
        region.home().snapshots().resolve("current.duckdb"),
        seconds);
    out.flush();
    return exit;
  }

  /** In remote mode, the region's advisory lock in the shared repository; null in local mode. */
  private static Connection managerLock(RegionFile region) throws SQLException {
    if (!region.partitioning().remote()) {
      return null;
    }
    Map<String, Object> p = RegionContext.properties(region, "manager");
    Properties props = new Properties();
    props.setProperty("user", (String) p.get("wds.job-repository.username"));
    props.setProperty("password", (String) p.get("wds.job-repository.password"));
    Connection conn = DriverManager.getConnection(region.partitioning().jobRepository(), props);
    try (PreparedStatement ps = conn.prepareStatement("select pg_try_advisory_lock(hashtext(?))")) {
      ps.setString(1, "wds.region." + region.code());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          conn.close();
          throw new OperatorException(
              "another manager is running the region "
                  + region.code()
                  + " (it holds the region's lock in "
                  + region.partitioning().jobRepository()
                  + "); wait for it to finish");
        }
      }
    }
    return conn;
  }
}
