package wds.jobs.schedule;

import java.time.Duration;
import java.time.Instant;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Stops the scheduler cleanly when its application closes (SIGTERM runs Spring Boot's shutdown
 * hook, which closes it). The context-closed event comes before Quartz is shut down, so this is the
 * moment to: stop fires on this machine, ask every job execution running here to stop at its next
 * chunk boundary, and wait until the run in progress has returned with status STOPPED. The next
 * fire restarts that execution where it stopped.
 */
public class GracefulStop implements ApplicationListener<ContextClosedEvent> {

  private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

  private final Scheduler scheduler;
  private final JobOperator operator;
  private final LocalExecutions executions;
  private final NightlyLauncher launcher;
  private final Duration timeout;

  public GracefulStop(
      Scheduler scheduler,
      JobOperator operator,
      LocalExecutions executions,
      NightlyLauncher launcher,
      ScheduleProperties settings) {
    this.scheduler = scheduler;
    this.operator = operator;
    this.executions = executions;
    this.launcher = launcher;
    this.timeout = settings.stopTimeout();
  }

  @Override
  public void onApplicationEvent(ContextClosedEvent event) {
    Instant began = Instant.now();
    try {
      scheduler.standby();
    } catch (SchedulerException e) {
      log.warn("schedule: could not put the scheduler on standby", e);
    }
    for (JobExecution execution : executions.running()) {
      try {
        log.info("schedule: stopping execution={} at its next chunk boundary", execution.getId());
        operator.stop(execution);
      } catch (JobExecutionNotRunningException e) {
        // It ended between the listing and the stop: nothing to do.
      } catch (RuntimeException e) {
        log.warn(
            "schedule: could not ask execution={} to stop: {}", execution.getId(), e.toString());
      }
    }
    try {
      if (launcher.stopAndAwait(timeout)) {
        log.info(
            "schedule: stopped cleanly in {} ms",
            Duration.between(began, Instant.now()).toMillis());
      } else {
        log.warn(
            "schedule: the running job did not stop within {}; it will be marked FAILED and"
                + " restarted by the next fire",
            timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
