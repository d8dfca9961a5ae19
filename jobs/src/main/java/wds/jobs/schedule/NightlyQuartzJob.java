package wds.jobs.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The Quartz job of the nightly schedule: hands each fire to the {@link NightlyLauncher}. {@code
 * DisallowConcurrentExecution} makes Quartz hold a fire while the previous one still runs, on this
 * machine and, with the clustered JDBC store, on every machine of the cluster.
 */
@DisallowConcurrentExecution
public class NightlyQuartzJob extends QuartzJobBean {

  private final NightlyLauncher launcher;

  public NightlyQuartzJob(NightlyLauncher launcher) {
    this.launcher = launcher;
  }

  @Override
  protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
    try {
      launcher.fire(context.getScheduledFireTime().toInstant(), context.isRecovering());
    } catch (Exception e) {
      // Never refire at once: the next fire (or the operator) retries; the failure is in the
      // job repository and in the log.
      throw new JobExecutionException(e, false);
    }
  }
}
