package wds.jobs.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import wds.jobs.HomeModes;
import wds.jobs.HomeOption;
import wds.jobs.WdsApplication;
import wds.jobs.WdsHome;
import wds.pipeline.load.DeliveryResult;
import wds.pipeline.log.LogText;

/**
 * {@code wds load}: runs the load job over a drop folder and prints what it did. Exit code 0 when
 * every delivery was loaded (or had been before), 2 when a delivery was refused, 1 when the job
 * failed (the interrupted delivery is rolled back and loaded again by the next run).
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = "Load every delivery waiting in a drop folder into the work database.")
public final class LoadCommand implements Callable<Integer> {

  @Mixin HomeOption homeOption;

  @Option(
      names = "--drop",
      paramLabel = "DIR",
      description = "the drop folder (default: <home>/drop)")
  Path drop;

  @Option(names = "--fail-after-extracts", hidden = true, defaultValue = "0")
  int failAfterExtracts;

  @Override
  public Integer call() {
    WdsHome home = homeOption.home().create();
    Path dropFolder = drop == null ? home.drop() : drop.toAbsolutePath().normalize();
    return run(home, dropFolder, failAfterExtracts);
  }

  /** Runs the load job once; returns the exit code. */
  public static int run(WdsHome home, Path dropFolder, int failAfterExtracts) {
    return run(home, dropFolder, failAfterExtracts, LoadJobConfiguration.JOB);
  }

  /**
   * Runs a job that loads the drop folder ({@code load}, or {@code nightly} which also publishes)
   * once; returns the exit code.
   */
  public static int run(WdsHome home, Path dropFolder, int failAfterExtracts, String jobName) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("wds.load.fail-after-extracts", failAfterExtracts);
    try (FileLock lock = lock(home);
        ConfigurableApplicationContext context = WdsApplication.start(home, properties)) {
      JobOperator operator = context.getBean(JobOperator.class);
      JobRepository repository = context.getBean(JobRepository.class);
      // a run killed half-way left its execution "started": mark it failed, its work is undone
      for (String name : List.of(jobName, LoadJobConfiguration.JOB)) {
        for (JobExecution stale : repository.findRunningJobExecutions(name)) {
          operator.recover(stale);
        }
      }
      JobParameters parameters =
          new JobParametersBuilder()
              .addString("home", home.root().toString())
              .addString("drop", dropFolder.toString())
              .addLocalDateTime("run.at", LocalDateTime.now())
              .toJobParameters();
      long t0 = System.nanoTime();
      JobExecution execution =
          operator.start(context.getBean(jobName + "Job", Job.class), parameters);
      double seconds = (System.nanoTime() - t0) / 1e9;
      HomeModes.apply(home);
      List<DeliveryResult> results = context.getBean(LoadJobListener.class).lastResults();
      return summary(home, dropFolder, execution, results, seconds);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      System.err.println("wds load: " + LogText.message(e.getMessage()));
      return 1;
    }
  }

  private static int summary(
      WdsHome home,
      Path dropFolder,
      JobExecution execution,
      List<DeliveryResult> results,
      double seconds) {
    long loaded = count(results, DeliveryResult.Outcome.LOADED);
    long refused = count(results, DeliveryResult.Outcome.REFUSED);
    long before = count(results, DeliveryResult.Outcome.ALREADY_LOADED);
    long read = results.stream().mapToLong(DeliveryResult::rowsRead).sum();
    long rowsLoaded =
        results.stream()
            .filter(r -> r.outcome() == DeliveryResult.Outcome.LOADED)
            .mapToLong(DeliveryResult::rowsLoaded)
            .sum();
    long rejected =
        results.stream()
            .filter(r -> r.outcome() == DeliveryResult.Outcome.LOADED)
            .mapToLong(DeliveryResult::rowsRejected)
            .sum();
    String job = execution.getJobInstance().getJobName();
    String status = execution.getStatus() == BatchStatus.COMPLETED ? "completed" : "FAILED";
    double loading = loadSeconds(execution);
    if (loading == 0 && results.isEmpty()) {
      // a job without load steps (wds publish): nothing was read, so no load figures to show
      System.out.printf(
          Locale.ROOT,
          "%n%s %s in %.1f s%n  snapshots:  %s%n",
          job,
          status,
          seconds,
          home.snapshots());
    } else {
      System.out.printf(
          Locale.ROOT,
          "%n%s %s: %d deliveries loaded, %d refused, %d loaded before;"
              + " %,d rows read, %,d loaded, %,d rejected; %.1f s in all (loading %,.0f rows/s)%n"
              + "  drop:       %s%n  warehouse:  %s (etl_delivery, etl_reject)%n"
              + "  quarantine: %s%n",
          job,
          status,
          loaded,
          refused,
          before,
          read,
          rowsLoaded,
          rejected,
          seconds,
          read / (loading > 0 ? loading : seconds),
          dropFolder,
          home.workDatabase(),
          home.quarantine());
    }
    if (execution.getStatus() != BatchStatus.COMPLETED) {
      execution
          .getAllFailureExceptions()
          .forEach(
              e -> System.err.println("wds: the job failed: " + LogText.message(rootMessage(e))));
      System.err.println("wds: run it again to finish; committed deliveries are kept");
      return 1;
    }
    return refused > 0 ? 2 : 0;
  }

  /**
   * The time spent loading (the steps named load…), not publishing: what rows/s is about; 0 when
   * the job has no load step.
   */
  private static double loadSeconds(JobExecution execution) {
    double seconds = 0;
    for (var step : execution.getStepExecutions()) {
      if (step.getStepName().startsWith("load")
          && step.getStartTime() != null
          && step.getEndTime() != null) {
        seconds +=
            java.time.Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1e3;
      }
    }
    return seconds;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? e.getMessage() : e.getMessage() + " (" + root.getMessage() + ")";
  }

  private static long count(List<DeliveryResult> results, DeliveryResult.Outcome outcome) {
    return results.stream().filter(r -> r.outcome() == outcome).count();
  }

  /** One load at a time per home: the work database has one writer. */
  private static FileLock lock(WdsHome home) throws IOException {
    Path file = home.state().resolve("load.lock");
    Files.createDirectories(file.getParent());
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock = channel.tryLock();
    if (lock == null) {
      channel.close();
      throw new IllegalStateException("another wds load is running on " + home.root());
    }
    return lock;
  }
}
