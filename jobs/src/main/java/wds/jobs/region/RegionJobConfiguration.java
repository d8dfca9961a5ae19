package wds.jobs.region;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import wds.jobs.publish.PublishedInputs;
import wds.warehouse.Plan;

/**
 * The {@code regionNightly} job (spec/region.md): {@code runCounties}, a partitioned step whose
 * partitions are the region's counties, each running {@code countyNightly} (the county's own
 * nightly, {@link CountyNightly}); then {@code buildRegion}, the region's snapshot, lake and public
 * feed from what the counties published, also when some county failed (its last good snapshot
 * stands in). The partitions run on the manager's threads ({@link RegionLocalConfiguration}) or on
 * workers over RabbitMQ ({@link RegionRemoteConfiguration}). Present only when a command names a
 * region ({@code wds.region.file}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "wds.region.file")
@Import({RegionLocalConfiguration.class, RegionRemoteConfiguration.class})
public class RegionJobConfiguration {

  public static final String JOB = "regionNightly";
  public static final String WORKER_STEP = "countyNightly";

  /** The keys a partition's execution context holds. */
  public static final String COUNTY = "county";

  public static final String EXIT = "exit";

  /** The build step's execution context: the region snapshot kept because nothing changed. */
  public static final String KEPT = "kept";

  private static final Logger log = LoggerFactory.getLogger(RegionJobConfiguration.class);

  @Bean
  RegionFile region(@Value("${wds.region.file}") Path file) {
    return RegionFile.load(file);
  }

  /** One partition per county, named after its code. */
  @Bean
  Partitioner countyPartitioner(RegionFile region) {
    return gridSize -> {
      Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
      for (RegionFile.County c : region.counties()) {
        ExecutionContext context = new ExecutionContext();
        context.putString(COUNTY, c.code());
        partitions.put("county" + c.code(), context);
      }
      return partitions;
    };
  }

  /** The work of one partition: the county's nightly, its exit code kept in the partition. */
  @Bean
  Tasklet countyNightlyTasklet(RegionFile region) {
    return (contribution, chunk) -> {
      StepExecution step = contribution.getStepExecution();
      String code = step.getExecutionContext().getString(COUNTY);
      int exit = CountyNightly.run(region.county(code));
      step.getExecutionContext().putInt(EXIT, exit);
      if (exit != 0 && exit != 2) {
        throw new IllegalStateException(
            "the nightly of county "
                + code
                + " failed (exit "
                + exit
                + "): "
                + CountyNightly.lastLine(region.county(code)));
      }
      return RepeatStatus.FINISHED;
    };
  }

  @Bean
  @ConditionalOnProperty(name = "wds.region.role", havingValue = "manager", matchIfMissing = true)
  Step buildRegion(
      JobRepository repository, PlatformTransactionManager transactions, RegionFile region) {
    return new StepBuilder("buildRegion", repository)
        .tasklet(
            (contribution, chunk) -> {
              JobExecution job =
                  repository.getJobExecution(contribution.getStepExecution().getJobExecutionId());
              Map<String, RegionWarehouse.Night> nights = nights(job);
              RegionWarehouse warehouse = new RegionWarehouse(region, Plan.standard());
              // as a county keeps its publication when nothing it is made from changed, the
              // region keeps its own when every county's snapshot and night are as they were
              String inputs = warehouse.inputs(nights);
              Optional<String> kept = warehouse.publishedFrom(inputs);
              if (kept.isPresent()) {
                contribution.getStepExecution().getExecutionContext().putString(KEPT, kept.get());
                log.info("region {}: nothing changed since {}: kept", region.code(), kept.get());
                return RepeatStatus.FINISHED;
              }
              RegionWarehouse.Result result = warehouse.build(nights);
              PublishedInputs.write(
                  region.home(),
                  new PublishedInputs.Published(
                      result.snapshot().getFileName().toString(), inputs));
              contribution.incrementWriteCount(result.values());
              log.info(
                  "region {} built: {} counties ({} stale), {} values, {} warnings, {}",
                  region.code(),
                  result.counties(),
                  result.stale(),
                  result.values(),
                  result.warnings(),
                  result.snapshot().getFileName());
              return RepeatStatus.FINISHED;
            },
            transactions)
        .build();
  }

  /** Each county's night in a job execution, from its partitions (the last attempt counts). */
  public static Map<String, RegionWarehouse.Night> nights(JobExecution job) {
    Map<String, RegionWarehouse.Night> nights = new HashMap<>();
    for (StepExecution s : job.getStepExecutions()) {
      ExecutionContext context = s.getExecutionContext();
      if (!s.getStepName().startsWith(WORKER_STEP) || !context.containsKey(COUNTY)) {
        continue;
      }
      RegionWarehouse.Night night =
          switch (s.getStatus()) {
            case COMPLETED ->
                context.containsKey(EXIT) && context.getInt(EXIT) == 2
                    ? RegionWarehouse.Night.REFUSED
                    : RegionWarehouse.Night.DONE;
            case FAILED, STOPPED, ABANDONED, UNKNOWN -> RegionWarehouse.Night.FAILED;
            default -> RegionWarehouse.Night.NOT_RUN;
          };
      nights.put(context.getString(COUNTY), night);
    }
    return nights;
  }

  @Bean
  @ConditionalOnProperty(name = "wds.region.role", havingValue = "manager", matchIfMissing = true)
  Job regionNightlyJob(JobRepository repository, Step runCounties, Step buildRegion) {
    // the region is built whatever became of the counties: a failed county keeps its last data
    return new JobBuilder(JOB, repository)
        .start(runCounties)
        .on("*")
        .to(buildRegion)
        .from(buildRegion)
        .on("*")
        .end()
        .end()
        .build();
  }
}
