package wds.jobs.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The launcher behind each scheduled fire: resumes an interrupted run of the configured job, then
 * starts the run of this fire. It runs the job synchronously on the calling (Quartz) thread, which
 * is what lets {@code @DisallowConcurrentExecution} keep runs from overlapping.
 *
 * <p>What a fire does, in order:
 *
 * <ol>
 *   <li>If an execution of the job is still marked running: when Quartz says this fire recovers a
 *       run whose scheduler died, that execution is an orphan and is marked FAILED ({@link
 *       JobOperator#recover}); otherwise someone else is running the job and this fire is skipped.
 *   <li>If the job's latest execution ended STOPPED or FAILED, it is restarted: Spring Batch
 *       resumes at the last committed chunk. If the restart does not complete, the fire ends here.
 *   <li>A new instance is started, identified by the fire's scheduled time ({@code scheduled.at},
 *       county time) with the county date as {@code run.date}. A fire whose instance already ran (a
 *       second machine, a repeated recovery) is refused by Spring Batch and logged.
 * </ol>
 */
public class NightlyLauncher {

  private static final Logger log = LoggerFactory.getLogger(NightlyLauncher.class);

  private final JobOperator operator;
  private final JobRepository repository;
  private final ObjectProvider<Job> jobs;
  private final ScheduleProperties settings;
  private final ApplicationEventPublisher events;
  private final ReentrantLock busy = new ReentrantLock();
  private volatile boolean stopping;

  public NightlyLauncher(
      JobOperator operator,
      JobRepository repository,
      ObjectProvider<Job> jobs,
      ScheduleProperties settings,
      ApplicationEventPublisher events) {
    this.operator = operator;
    this.repository = repository;
    this.jobs = jobs;
    this.settings = settings;
    this.events = events;
  }

  /**
   * The job the schedule runs: the job of the application with the configured name (the same jobs
   * the {@link JobOperator}'s registry holds). Fails naming the known jobs when none has it.
   */
  public Job job() {
    return jobs.orderedStream()
        .filter(job -> job.getName().equals(settings.job()))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "wds.schedule.job names no job: '"
                        + settings.job()
                        + "' (known: "
                        + jobs.orderedStream().map(Job::getName).sorted().toList()
                        + ")"));
  }

  /**
   * Runs one fire.
   *
   * @param scheduledFire the time Quartz meant this fire for
   * @param recovering true when Quartz re-runs a fire whose scheduler died while running it
   * @return the status of the last execution this fire ran, or null when it ran none
   */
  public BatchStatus fire(Instant scheduledFire, boolean recovering) throws Exception {
    busy.lock();
    try {
      if (stopping) {
        log.info("schedule: stopping, fire at {} not started", scheduledFire);
        return null;
      }
      Job job = job();
      LocalDateTime scheduledAt = LocalDateTime.ofInstant(scheduledFire, settings.zone());
      log.info(
          "schedule: fire job={} scheduled.at={} recovering={}",
          job.getName(),
          scheduledAt,
          recovering);
      if (!clearRunning(job.getName(), recovering)) {
        return null;
      }
      BatchStatus last = null;
      JobExecution interrupted = lastInterrupted(job.getName());
      if (interrupted != null) {
        log.info(
            "schedule: resuming execution={} of job={} status={}",
            interrupted.getId(),
            job.getName(),
            interrupted.getStatus());
        last = finished(operator.restart(interrupted));
        if (last != BatchStatus.COMPLETED || stopping) {
          return last;
        }
      }
      JobParameters parameters =
          new JobParametersBuilder()
              .addLocalDateTime("scheduled.at", scheduledAt)
              .addLocalDate("run.date", scheduledAt.toLocalDate(), false)
              .toJobParameters();
      try {
        last = finished(operator.start(job, parameters));
      } catch (JobInstanceAlreadyCompleteException | JobExecutionAlreadyRunningException e) {
        log.info("schedule: run scheduled.at={} already done or running elsewhere", scheduledAt);
      }
      return last;
    } finally {
      busy.unlock();
    }
  }

  /**
   * Refuses new fires and waits until the fire in progress (if any) has returned.
   *
   * @return true when no fire is in progress any more
   */
  public boolean stopAndAwait(Duration timeout) throws InterruptedException {
    stopping = true;
    if (busy.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      busy.unlock();
      return true;
    }
    return false;
  }

  private boolean clearRunning(String jobName, boolean recovering) {
    Set<JobExecution> running = repository.findRunningJobExecutions(jobName);
    if (running.isEmpty()) {
      return true;
    }
    if (!recovering) {
      log.warn(
          "schedule: job={} is already running (execution={}); this fire is skipped",
          jobName,
          running.stream().map(JobExecution::getId).toList());
      return false;
    }
    for (JobExecution orphan : running) {
      log.warn(
          "schedule: execution={} was left running by a scheduler that died; marking it FAILED",
          orphan.getId());
      operator.recover(orphan);
    }
    return true;
  }

  private JobExecution lastInterrupted(String jobName) {
    JobInstance instance = repository.getLastJobInstance(jobName);
    if (instance == null) {
      return null;
    }
    JobExecution last = repository.getLastJobExecution(instance);
    if (last == null) {
      return null;
    }
    BatchStatus status = last.getStatus();
    return status == BatchStatus.STOPPED || status == BatchStatus.FAILED ? last : null;
  }

  private BatchStatus finished(JobExecution execution) {
    log.info(
        "schedule: execution={} job={} status={} exit={}",
        execution.getId(),
        execution.getJobInstance().getJobName(),
        execution.getStatus(),
        execution.getExitStatus().getExitCode());
    events.publishEvent(new NightlyRunFinished(execution.getId(), execution.getStatus()));
    return execution.getStatus();
  }
}
