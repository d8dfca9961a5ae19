package wds.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs one Spring Batch job of the application once for a home, as {@code wds load}, {@code
 * nightly} and {@code publish} do: holding the home's lock, after marking a run killed half-way as
 * failed, then handing the finished execution to the command for its summary.
 */
public final class HomeJobs {

  private static final Logger log = LoggerFactory.getLogger(HomeJobs.class);

  private HomeJobs() {}

  /** What a command prints and returns once its job has ended. */
  @FunctionalInterface
  public interface Summary {
    int report(ConfigurableApplicationContext context, JobExecution execution, double seconds);
  }

  /**
   * Runs the job {@code <job>Job} with the parameters {@code home}, the given ones and {@code
   * run.at}.
   *
   * @param stale the jobs whose executions a killed run may have left "started"
   * @param properties further application properties
   * @return the summary's exit code
   * @throws OperatorException another wds writes the home
   */
  public static int run(
      WdsHome home,
      String job,
      List<String> stale,
      Map<String, String> parameters,
      Map<String, Object> properties,
      Summary summary) {
    try (HomeLock lock = HomeLock.acquire(home);
        ConfigurableApplicationContext context =
            WdsApplication.start(home, WdsApplication.oneShot(properties))) {
      JobOperator operator = context.getBean(JobOperator.class);
      JobRepository repository = context.getBean(JobRepository.class);
      // a run killed half-way left its execution "started": mark it failed, its work is undone
      for (String name : stale) {
        for (JobExecution execution : repository.findRunningJobExecutions(name)) {
          operator.recover(execution);
        }
      }
      JobParametersBuilder builder =
          new JobParametersBuilder().addString("home", home.root().toString());
      parameters.forEach(builder::addString);
      builder.addLocalDateTime("run.at", LocalDateTime.now());
      long t0 = System.nanoTime();
      JobExecution execution =
          operator.start(context.getBean(job + "Job", Job.class), builder.toJobParameters());
      // what the job wrote was made with the umask's modes
      HomeModes.apply(home);
      return summary.report(context, execution, (System.nanoTime() - t0) / 1e9);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JobExecutionException e) {
      throw new IllegalStateException("the " + job + " job could not start", e);
    }
  }

  /**
   * For a job that did not complete: logs its failures with their traces and says, on stderr, in
   * one line, what failed and where the details are; returns 1. Returns 0 for a completed job.
   */
  public static int failure(WdsHome home, JobExecution execution) {
    if (execution.getStatus() == BatchStatus.COMPLETED) {
      return 0;
    }
    String job = execution.getJobInstance().getJobName();
    List<Throwable> failures = execution.getAllFailureExceptions();
    failures.forEach(e -> log.error("the {} job failed", job, e));
    System.err.println(
        "wds "
            + job
            + ": failed"
            + (failures.isEmpty() ? "" : ": " + OneLine.of(failures.get(0)))
            + "; what was committed is kept, run it again once that is fixed (details: "
            + home.logs().resolve(WdsLogging.FILE)
            + ")");
    return 1;
  }
}
