package wds.jobs.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import wds.jobs.HomeJobs;
import wds.jobs.HomeOption;
import wds.jobs.OneLine;
import wds.jobs.OperatorException;
import wds.jobs.PseudonymSecret;
import wds.jobs.WdsHome;
import wds.pipeline.load.DeliveryResult;

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
    WdsHome planned = homeOption.home();
    Path dropFolder = drop == null ? planned.drop() : drop.toAbsolutePath().normalize();
    if (drop != null) {
      requireReadableFolder(dropFolder);
    }
    PseudonymSecret.require(planned);
    WdsHome home = homeOption.create();
    return run(home, dropFolder, failAfterExtracts);
  }

  /**
   * Refuses a drop folder that is not there or cannot be read: a nightly pointed at the wrong
   * folder must fail loudly, not load nothing for days.
   */
  public static void requireReadableFolder(Path dropFolder) {
    if (!Files.exists(dropFolder)) {
      throw new OperatorException("the drop folder " + dropFolder + " does not exist");
    }
    if (!Files.isDirectory(dropFolder)) {
      throw new OperatorException("the drop folder " + dropFolder + " is not a folder");
    }
    if (!Files.isReadable(dropFolder) || !Files.isExecutable(dropFolder)) {
      throw new OperatorException("the drop folder " + dropFolder + " cannot be read");
    }
    try (var entries = Files.list(dropFolder)) {
      entries.findFirst();
    } catch (IOException e) {
      throw new OperatorException(
          "the drop folder " + dropFolder + " cannot be read: " + OneLine.of(e), e);
    }
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
    return run(home, dropFolder, failAfterExtracts, jobName, Map.of());
  }

  /** {@link #run(WdsHome, Path, int, String)} with further job parameters. */
  public static int run(
      WdsHome home,
      Path dropFolder,
      int failAfterExtracts,
      String jobName,
      Map<String, String> parameters) {
    Map<String, String> all = new LinkedHashMap<>(parameters);
    all.put("drop", dropFolder.toString());
    return HomeJobs.run(
        home,
        jobName,
        List.of(jobName, LoadJobConfiguration.JOB),
        all,
        Map.of("wds.load.fail-after-extracts", failAfterExtracts),
        (context, execution, seconds) ->
            summary(
                home,
                dropFolder,
                execution,
                LoadedDeliveries.of(loadExecution(context.getBean(JobRepository.class), execution)),
                seconds));
  }

  /**
   * The execution of the load job in a run: the run itself, or the one the nightly's step {@code
   * loadDeliveries} started with the nightly's parameters (null if it did not get that far).
   */
  private static JobExecution loadExecution(JobRepository repository, JobExecution execution) {
    if (LoadJobConfiguration.JOB.equals(execution.getJobInstance().getJobName())) {
      return execution;
    }
    return repository.getLastJobExecution(LoadJobConfiguration.JOB, execution.getJobParameters());
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
    if (LoadJobConfiguration.JOB.equals(job)
        && results.isEmpty()
        && execution.getStatus() == BatchStatus.COMPLETED) {
      // an empty drop folder is a quiet night, not an error
      System.out.println("wds load: nothing waiting in " + dropFolder);
      return 0;
    }
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
    if (execution.getStatus() != BatchStatus.COMPLETED) {
      return HomeJobs.failure(home, execution);
    }
    return refused > 0 ? 2 : 0;
  }

  /**
   * The time spent loading (the steps named load…), not publishing: what rows/s is about; from the
   * first such step's start to the last one's end, since steps on two lanes overlap; 0 when the job
   * has no load step.
   */
  private static double loadSeconds(JobExecution execution) {
    java.time.LocalDateTime start = null;
    java.time.LocalDateTime end = null;
    for (var step : execution.getStepExecutions()) {
      if (step.getStepName().startsWith("load")
          && step.getStartTime() != null
          && step.getEndTime() != null) {
        start = start == null || step.getStartTime().isBefore(start) ? step.getStartTime() : start;
        end = end == null || step.getEndTime().isAfter(end) ? step.getEndTime() : end;
      }
    }
    return start == null ? 0 : java.time.Duration.between(start, end).toMillis() / 1e3;
  }

  private static long count(List<DeliveryResult> results, DeliveryResult.Outcome outcome) {
    return results.stream().filter(r -> r.outcome() == outcome).count();
  }
}
