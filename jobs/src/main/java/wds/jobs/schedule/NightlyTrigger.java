package wds.jobs.schedule;

import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * The nightly cron trigger as it is stored in the Quartz job store. It is written before the
 * scheduler starts, and only when it is missing or its cron expression or zone changed: a stored
 * trigger that is kept still carries the fire time it missed while the scheduler was down, which
 * the misfire policy (fire once, now, then proceed) turns into a single catch-up run.
 */
public class NightlyTrigger implements InitializingBean {

  static final JobKey JOB = JobKey.jobKey("nightly", "wds");
  static final TriggerKey TRIGGER = TriggerKey.triggerKey("nightly", "wds");

  private static final Logger log = LoggerFactory.getLogger(NightlyTrigger.class);

  private final Scheduler scheduler;
  private final ScheduleProperties settings;

  public NightlyTrigger(Scheduler scheduler, ScheduleProperties settings) {
    this.scheduler = scheduler;
    this.settings = settings;
  }

  @Override
  public void afterPropertiesSet() throws SchedulerException {
    JobDetail job =
        JobBuilder.newJob(NightlyQuartzJob.class)
            .withIdentity(JOB)
            .withDescription("runs the Spring Batch job named by wds.schedule.job")
            .storeDurably()
            // A fire cut short by a dead scheduler is run again on start-up or on another node.
            .requestRecovery()
            .build();
    scheduler.addJob(job, true);
    CronTrigger wanted = trigger();
    Trigger stored = scheduler.getTrigger(TRIGGER);
    if (stored == null) {
      try {
        scheduler.scheduleJob(wanted);
        log.info(
            "schedule: nightly trigger created: cron='{}' zone={}",
            settings.cron(),
            settings.zone());
      } catch (ObjectAlreadyExistsException e) {
        log.info("schedule: nightly trigger created meanwhile by another scheduler of the cluster");
      }
    } else if (same(stored, wanted)) {
      log.info(
          "schedule: nightly trigger kept: cron='{}' zone={} next fire {}",
          settings.cron(),
          settings.zone(),
          stored.getNextFireTime());
    } else {
      scheduler.rescheduleJob(TRIGGER, wanted);
      log.info(
          "schedule: nightly trigger changed to cron='{}' zone={}",
          settings.cron(),
          settings.zone());
    }
  }

  private CronTrigger trigger() {
    return TriggerBuilder.newTrigger()
        .withIdentity(TRIGGER)
        .forJob(JOB)
        .withSchedule(
            CronScheduleBuilder.cronSchedule(settings.cron())
                .inTimeZone(TimeZone.getTimeZone(settings.zone()))
                .withMisfireHandlingInstructionFireAndProceed())
        .build();
  }

  private static boolean same(Trigger stored, CronTrigger wanted) {
    return stored instanceof CronTrigger cron
        && cron.getCronExpression().equals(wanted.getCronExpression())
        && cron.getTimeZone().getID().equals(wanted.getTimeZone().getID())
        && cron.getMisfireInstruction() == wanted.getMisfireInstruction();
  }
}
