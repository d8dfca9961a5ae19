package wds.jobs.nightly;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import wds.jobs.publish.PublishJobConfiguration;

/**
 * The {@code nightly} job, what the schedule runs: {@code clearUnpublishedBuilds} (what a killed
 * run left half-built), {@code loadDeliveries} (the whole {@code load} job), then the steps of the
 * {@code publish} job ({@link PublishJobConfiguration}): {@code publishSnapshot}, {@code
 * exportLake} and {@code publishFeed}.
 */
@Configuration(proxyBeanMethods = false)
@Import(PublishJobConfiguration.class)
public class NightlyJobConfiguration {

  public static final String JOB = "nightly";

  @Bean
  Step loadDeliveries(
      JobRepository repository, JobOperator operator, @Qualifier("loadJob") Job loadJob) {
    // the load job runs whole inside this step, with the nightly job's parameters
    return new StepBuilder("loadDeliveries", repository).job(loadJob).operator(operator).build();
  }

  @Bean
  Job nightlyJob(
      JobRepository repository,
      Step clearUnpublishedBuilds,
      Step loadDeliveries,
      Step publishSnapshot,
      Step exportLake,
      Step publishFeed,
      Step writeReports) {
    return new JobBuilder(JOB, repository)
        .start(clearUnpublishedBuilds)
        .next(loadDeliveries)
        .next(publishSnapshot)
        .next(exportLake)
        .next(publishFeed)
        .next(writeReports)
        .build();
  }
}
