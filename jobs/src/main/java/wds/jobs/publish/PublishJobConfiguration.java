package wds.jobs.publish;

import java.nio.file.Path;
import java.util.Locale;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import wds.jobs.ConsoleProgress;
import wds.jobs.WdsHome;
import wds.schemas.CountyClock;

/**
 * The {@code publish} job: {@code clearUnpublishedBuilds} (what a killed run left half-built),
 * {@code publishSnapshot} (star schema, indicators and warnings built aside, gated, published
 * whole), {@code exportLake}, {@code publishFeed}, {@code writeReports} and {@code
 * recordPublication}, from what is already loaded; it always publishes. The nightly job runs the
 * same steps after its load, unless nothing they are made from has changed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PublishSettings.class, DuckDbSettings.class})
public class PublishJobConfiguration {

  public static final String JOB = "publish";

  /** The job execution context's key for the digest of the inputs a publication is made from. */
  public static final String INPUTS = "publish.inputs";

  @Bean
  WarehousePublication warehousePublication(
      @Value("${wds.home}") Path home, PublishSettings settings, DuckDbSettings duckdb) {
    return new WarehousePublication(
        new WdsHome(home), settings, duckdb.limits(), CountyClock.system());
  }

  @Bean
  ConsoleProgress publishProgress() {
    return ConsoleProgress.on(System.out);
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
  Step publishSnapshot(
      JobRepository repository,
      PlatformTransactionManager transactions,
      WarehousePublication publication,
      ConsoleProgress publishProgress) {
    return step(
        "publishSnapshot",
        repository,
        transactions,
        contribution -> {
          publishProgress.update(
              "publishSnapshot",
              "publish: building the snapshot (models, indicators, warnings) and its gates ...");
          long t0 = System.nanoTime();
          var result = publication.publishSnapshot();
          publishProgress.done(
              "publishSnapshot",
              String.format(
                  Locale.ROOT,
                  "publish: snapshot %s built, gated and published (%.1f s)",
                  result.snapshot().getFileName(),
                  (System.nanoTime() - t0) / 1e9));
        });
  }

  @Bean
  Step exportLake(
      JobRepository repository,
      PlatformTransactionManager transactions,
      WarehousePublication publication,
      ConsoleProgress publishProgress) {
    return step(
        "exportLake",
        repository,
        transactions,
        contribution -> {
          publishProgress.update("exportLake", "publish: writing the Parquet lake ...");
          var result = publication.exportLake();
          contribution.incrementWriteCount(
              result.rows().values().stream().mapToLong(Long::longValue).sum());
          publishProgress.done(
              "exportLake",
              "publish: lake, "
                  + result.rows().size()
                  + " tables as Parquet in "
                  + result.folder());
        });
  }

  @Bean
  Step publishFeed(
      JobRepository repository,
      PlatformTransactionManager transactions,
      WarehousePublication publication,
      ConsoleProgress publishProgress) {
    return step(
        "publishFeed",
        repository,
        transactions,
        contribution -> {
          publishProgress.update(
              "publishFeed", "publish: public feed, suppressing small cells ...");
          var result = publication.publishFeed();
          publishProgress.done(
              "publishFeed",
              "publish: public feed, " + result.summary() + " in " + result.folder());
        });
  }

  @Bean
  Step writeReports(
      JobRepository repository,
      PlatformTransactionManager transactions,
      @Value("${wds.home}") Path home,
      ConsoleProgress publishProgress) {
    // after the feed: the public reports are built from it
    return step(
        "writeReports",
        repository,
        transactions,
        contribution -> {
          publishProgress.update("writeReports", "publish: writing the monitoring reports ...");
          var written = wds.jobs.report.PublishedReports.write(new WdsHome(home));
          contribution.incrementWriteCount(
              written.internal().size() + written.publicReports().size());
          publishProgress.done(
              "writeReports",
              "publish: reports "
                  + written.internal().stream().map(f -> f.getFileName().toString()).toList()
                  + " in "
                  + wds.jobs.report.ReportsFolder.of(new WdsHome(home)).currentLink()
                  + ", public versions in "
                  + wds.jobs.report.ReportsFolder.publicReports(new WdsHome(home)));
        });
  }

  /**
   * The last step of a publication: records that the current snapshot, its lake, feed and reports
   * were made from the inputs the nightly's decision computed after its load (the home is locked,
   * so they have not moved since), or, in the {@code publish} job, from the inputs as they are now.
   * A night whose inputs are the same keeps this publication ({@link PublishedInputs}).
   */
  @Bean
  Step recordPublication(
      JobRepository repository,
      PlatformTransactionManager transactions,
      WarehousePublication publication) {
    return step(
        "recordPublication",
        repository,
        transactions,
        contribution -> {
          var context = contribution.getStepExecution().getJobExecution().getExecutionContext();
          String inputs =
              context.containsKey(INPUTS) ? context.getString(INPUTS) : publication.inputs();
          publication.recordPublished(inputs);
        });
  }

  @Bean
  Job publishJob(
      JobRepository repository,
      Step clearUnpublishedBuilds,
      Step publishSnapshot,
      Step exportLake,
      Step publishFeed,
      Step writeReports,
      Step recordPublication) {
    return new JobBuilder(JOB, repository)
        .start(clearUnpublishedBuilds)
        .next(publishSnapshot)
        .next(exportLake)
        .next(publishFeed)
        .next(writeReports)
        .next(recordPublication)
        .build();
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
}
