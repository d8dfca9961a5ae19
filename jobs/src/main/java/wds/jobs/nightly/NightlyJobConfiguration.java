package wds.jobs.nightly;

import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import wds.jobs.ConsoleProgress;
import wds.jobs.publish.PublishJobConfiguration;
import wds.jobs.publish.PublishedInputs;
import wds.jobs.publish.WarehousePublication;

/**
 * The {@code nightly} job, what the schedule runs: {@code clearUnpublishedBuilds} (what a killed
 * run left half-built), {@code loadDeliveries} (the whole {@code load} job), the decision {@code
 * publishNeeded}, then the steps of the {@code publish} job ({@link PublishJobConfiguration}):
 * {@code publishSnapshot}, {@code exportLake}, {@code publishFeed}, {@code writeReports} and {@code
 * recordPublication}.
 */
@Configuration(proxyBeanMethods = false)
@Import(PublishJobConfiguration.class)
public class NightlyJobConfiguration {

  public static final String JOB = "nightly";

  /** The job parameter that makes the night publish even when nothing changed. */
  public static final String FULL = "full";

  private static final FlowExecutionStatus PUBLISH = new FlowExecutionStatus("PUBLISH");
  private static final FlowExecutionStatus UNCHANGED = new FlowExecutionStatus("UNCHANGED");

  private static final Logger log = LoggerFactory.getLogger(NightlyJobConfiguration.class);

  @Bean
  Step loadDeliveries(
      JobRepository repository, JobOperator operator, @Qualifier("loadJob") Job loadJob) {
    // the load job runs whole inside this step, with the nightly job's parameters
    return new StepBuilder("loadDeliveries", repository).job(loadJob).operator(operator).build();
  }

  /**
   * After the load: publish, or keep the last publication when nothing it is made from has changed
   * (the operational layer and audit row for row, the publish settings, the as-of year, this build
   * of wds: {@link PublishedInputs}) and its snapshot is still the current one. A night without
   * deliveries, or whose deliveries were all loaded before, then ends here. The job parameter
   * {@code full=true} ({@code wds nightly --full}) always publishes.
   */
  @Bean
  JobExecutionDecider publishNeeded(
      WarehousePublication publication, ConsoleProgress publishProgress) {
    return (jobExecution, stepExecution) -> {
      if (Boolean.parseBoolean(jobExecution.getJobParameters().getString(FULL))) {
        return PUBLISH;
      }
      String inputs;
      try {
        inputs = publication.inputs();
      } catch (SQLException | RuntimeException e) {
        // the check is a saving, never a reason not to publish
        log.warn("the inputs of the last publication could not be compared; publishing", e);
        return PUBLISH;
      }
      jobExecution.getExecutionContext().putString(PublishJobConfiguration.INPUTS, inputs);
      Optional<String> kept = publication.publishedFrom(inputs);
      if (kept.isEmpty()) {
        return PUBLISH;
      }
      log.info("nothing changed since {} was published (inputs {}): kept", kept.get(), inputs);
      publishProgress.done(
          "publishSnapshot",
          "publish: nothing changed since "
              + kept.get()
              + " was published (the loaded data, the settings, the as-of year and this build"
              + " of wds are the same); its lake, feed and reports stay as they are"
              + " (wds nightly --full publishes again)");
      return UNCHANGED;
    };
  }

  @Bean
  Job nightlyJob(
      JobRepository repository,
      Step clearUnpublishedBuilds,
      Step loadDeliveries,
      JobExecutionDecider publishNeeded,
      Step publishSnapshot,
      Step exportLake,
      Step publishFeed,
      Step writeReports,
      Step recordPublication) {
    return new JobBuilder(JOB, repository)
        .start(clearUnpublishedBuilds)
        .next(loadDeliveries)
        .next(publishNeeded)
        .on(UNCHANGED.getName())
        .end()
        .from(publishNeeded)
        .on("*")
        .to(publishSnapshot)
        .next(exportLake)
        .next(publishFeed)
        .next(writeReports)
        .next(recordPublication)
        .end()
        .build();
  }
}
