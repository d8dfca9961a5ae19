package wds.jobs.schedule;

import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Keeps Quartz from starting in every command but {@code wds schedule}. Spring Boot creates a
 * scheduler wherever Quartz is on the class path and starts it by default; a one-shot command that
 * started one could fire a stored trigger (a missed nightly run) in the middle of an operator's
 * {@code wds load}.
 */
@Component
@Profile("!" + ScheduleConfiguration.PROFILE)
public class QuartzOnlyWhenScheduling implements SchedulerFactoryBeanCustomizer {

  @Override
  public void customize(SchedulerFactoryBean schedulerFactoryBean) {
    schedulerFactoryBean.setAutoStartup(false);
  }
}
