package wds.jobs.region;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Local partitioning: the manager's own threads run the counties, {@code partitioning.threads} at a
 * time, each thread waiting on one county's nightly process.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "wds.region.mode", havingValue = "local")
class RegionLocalConfiguration {

  @Bean
  Step countyNightly(
      JobRepository repository,
      PlatformTransactionManager transactions,
      Tasklet countyNightlyTasklet) {
    return new StepBuilder(RegionJobConfiguration.WORKER_STEP, repository)
        .tasklet(countyNightlyTasklet, transactions)
        .build();
  }

  @Bean
  ThreadPoolTaskExecutor countyThreads(RegionFile region) {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(region.partitioning().threads());
    executor.setMaxPoolSize(region.partitioning().threads());
    executor.setThreadNamePrefix("county-");
    executor.initialize();
    return executor;
  }

  @Bean
  Step runCounties(
      JobRepository repository,
      Partitioner countyPartitioner,
      Step countyNightly,
      ThreadPoolTaskExecutor countyThreads,
      RegionFile region) {
    return new StepBuilder("runCounties", repository)
        .partitioner(RegionJobConfiguration.WORKER_STEP, countyPartitioner)
        .step(countyNightly)
        .taskExecutor(countyThreads)
        .gridSize(region.counties().size())
        .build();
  }
}
