package wds.jobs.schedule;

import org.quartz.Scheduler;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The beans of {@code wds schedule}, active only under the {@code schedule} profile that the
 * command switches on: one-shot commands share the application but never schedule anything.
 */
@Configuration(proxyBeanMethods = false)
@Profile(ScheduleConfiguration.PROFILE)
@EnableConfigurationProperties(ScheduleProperties.class)
public class ScheduleConfiguration {

  /** The profile {@code wds schedule} runs under (see application-schedule.yml). */
  public static final String PROFILE = "schedule";

  @Bean
  static LocalExecutions localExecutions() {
    return new LocalExecutions();
  }

  @Bean
  NightlyLauncher nightlyLauncher(
      JobOperator operator,
      JobRepository repository,
      ObjectProvider<Job> jobs,
      ScheduleProperties settings,
      ApplicationEventPublisher events) {
    return new NightlyLauncher(operator, repository, jobs, settings, events);
  }

  @Bean
  NightlyTrigger nightlyTrigger(Scheduler scheduler, ScheduleProperties settings) {
    return new NightlyTrigger(scheduler, settings);
  }

  @Bean
  GracefulStop gracefulStop(
      Scheduler scheduler,
      JobOperator operator,
      LocalExecutions executions,
      NightlyLauncher launcher,
      ScheduleProperties settings) {
    return new GracefulStop(scheduler, operator, executions, launcher, settings);
  }

  @Bean
  ScheduledJobCheck scheduledJobCheck(NightlyLauncher launcher) {
    return new ScheduledJobCheck(launcher);
  }
}
