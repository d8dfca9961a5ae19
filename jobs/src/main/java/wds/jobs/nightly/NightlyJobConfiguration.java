package wds.jobs.nightly;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
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
 * The {@code nightly} job, what the schedule runs: {@code clearUnpublishedBuilds} (what a killed
 * run left half-built), {@code loadDeliveries} (the whole {@code load} job), then {@code
 * publishSnapshot} (star schema, indicators and warnings built aside, gated, published whole),
 * {@code exportLake} and {@code publishFeed}. The {@code publish} job is the same without the load,
 * for rebuilding from what is already loaded.
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
  Step clearUnpublishedBuilds(
      JobRepository repository,
      PlatformTransactionManager transactions,
      WarehousePublication publication) {
    // first, so a build left by a killed run is gone before anything else of the night runs
    return step(
        "clearUnpublishedBuilds",
        repository,
        transactions,
        contribution ->
            contribution.incrementWriteCount(publication.clearUnpublishedBuilds().size()));
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
    return step(
        "publishSnapshot",
        repository,
        transactions,
        contribution ->
            System.out.println("published snapshot " + publication.publishSnapshot().snapshot()));
  }

  @Bean
  Step exportLake(
      JobRepository repository,
      PlatformTransactionManager transactions,
      WarehousePublication publication) {
    return step(
        "exportLake",
        repository,
        transactions,
        contribution -> {
          var result = publication.exportLake();
          contribution.incrementWriteCount(
              result.rows().values().stream().mapToLong(Long::longValue).sum());
          System.out.println(
              "lake: " + result.rows().size() + " tables as Parquet in " + result.folder());
        });
  }

  @Bean
  Step publishFeed(
      JobRepository repository,
      PlatformTransactionManager transactions,
      WarehousePublication publication) {
    return step(
        "publishFeed",
        repository,
        transactions,
        contribution -> {
          var result = publication.publishFeed();
          System.out.println("public feed: " + result.summary() + " in " + result.folder());
        });
  }

  /** The work of one publishing step; it runs again on a restart (its output is rebuilt whole). */
  @FunctionalInterface
  interface Work {
    void run(StepContribution contribution) throws Exception;
  }

  private static Step step(
      String name, JobRepository repository, PlatformTransactionManager transactions, Work work) {
    return new StepBuilder(name, repository)
        .tasklet(
            (contribution, chunk) -> {
              work.run(contribution);
              return RepeatStatus.FINISHED;
            },
            transactions)
        .allowStartIfComplete(true)
        .build();
  }

  @Bean
  Job nightlyJob(
      JobRepository repository,
      Step clearUnpublishedBuilds,
      Step loadDeliveries,
      Step publishSnapshot,
      Step exportLake,
      Step publishFeed) {
    return new JobBuilder(JOB, repository)
        .start(clearUnpublishedBuilds)
        .next(loadDeliveries)
        .next(publishSnapshot)
        .next(exportLake)
        .next(publishFeed)
        .build();
  }

  @Bean
  Job publishJob(
      JobRepository repository,
      Step clearUnpublishedBuilds,
      Step publishSnapshot,
      Step exportLake,
      Step publishFeed) {
    return new JobBuilder(PUBLISH_JOB, repository)
        .start(clearUnpublishedBuilds)
        .next(publishSnapshot)
        .next(exportLake)
        .next(publishFeed)
        .build();
  }
}
