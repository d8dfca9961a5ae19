package wds.jobs.nightly;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import wds.jobs.WdsHome;
import wds.jobs.publish.PublishSettings;
import wds.jobs.publish.WarehousePublication;

/**
 * The {@code nightly} job, what the schedule runs: {@code loadDeliveries} (the whole {@code load}
 * job), then {@code publishSnapshot} (star schema, indicators and warnings built aside, gated,
 * published whole), {@code exportLake} and {@code publishFeed}. The {@code publish} job is the same
 * without the load, for rebuilding from what is already loaded.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublishSettings.class)
public class NightlyJobConfiguration {

  public static final String JOB = "nightly";
  public static final String PUBLISH_JOB = "publish";

  /** County time: the plan's years and the data year are read in it. */
  public static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");

  @Bean
  WarehousePublication warehousePublication(
      @Value("${wds.home}") Path home, PublishSettings settings) {
    return new WarehousePublication(new WdsHome(home), settings, Clock.system(COUNTY_ZONE));
  }

  @Bean
  Step loadDeliveries(
      JobRepository repository, JobOperator operator, @Qualifier("loadJob") Job loadJob) {
    // the load job runs whole inside this step, with the nightly job's parameters
    return new StepBuilder("loadDeliveries", repository).job(loadJob).operator(operator).build();
  }

  @Bean
  Step publishSnapshot(
      JobRepository repository,
      PlatformTransactionManager transactions,
      WarehousePublication publication) {
    return new StepBuilder("publishSnapshot", repository)
        .tasklet(
            (contribution, chunk) -> {
              var result = publication.publishSnapshot();
              System.out.println("published snapshot " + result.snapshot());
              return RepeatStatus.FINISHED;
            },
            transactions)
        .allowStartIfComplete(true)
        .build();
  }

  @Bean
  Step exportLake(
      JobRepository repository,
      PlatformTransactionManager transactions,
      WarehousePublication publication) {
    return new StepBuilder("exportLake", repository)
        .tasklet(
            (contribution, chunk) -> {
              var result = publication.exportLake();
              contribution.incrementWriteCount(
                  result.rows().values().stream().mapToLong(Long::longValue).sum());
              System.out.println(
                  "lake: " + result.rows().size() + " tables as Parquet in " + result.folder());
              return RepeatStatus.FINISHED;
            },
            transactions)
        .allowStartIfComplete(true)
        .build();
  }

  @Bean
  Step publishFeed(
      JobRepository repository,
      PlatformTransactionManager transactions,
      WarehousePublication publication) {
    return new StepBuilder("publishFeed", repository)
        .tasklet(
            (contribution, chunk) -> {
              var result = publication.publishFeed();
              System.out.println("public feed: " + result);
              return RepeatStatus.FINISHED;
            },
            transactions)
        .allowStartIfComplete(true)
        .build();
  }

  @Bean
  Job nightlyJob(
      JobRepository repository,
      Step loadDeliveries,
      Step publishSnapshot,
      Step exportLake,
      Step publishFeed) {
    return new JobBuilder(JOB, repository)
        .start(loadDeliveries)
        .next(publishSnapshot)
        .next(exportLake)
        .next(publishFeed)
        .build();
  }

  @Bean
  Job publishJob(
      JobRepository repository, Step publishSnapshot, Step exportLake, Step publishFeed) {
    return new JobBuilder(PUBLISH_JOB, repository)
        .start(publishSnapshot)
        .next(exportLake)
        .next(publishFeed)
        .build();
  }
}
