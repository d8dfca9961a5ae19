package wds.jobs.load;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import wds.pipeline.jdbc.JdbcSourceLoad;
import wds.schemas.SchemaCatalog;

/**
 * The {@code load} job: one step per source in the catalogue's order ({@code loadPopulation} first,
 * since its areas check everyone else's area codes, then {@code loadHealth}, ...), each loading its
 * source's deliveries from the drop folder oldest first.
 */
@Configuration(proxyBeanMethods = false)
@Import(LoadComponents.class)
public class LoadJobConfiguration {

  public static final String JOB = "load";

  @Bean
  LoadJobListener loadJobListener(
      SchemaCatalog catalog,
      LoadComponents.IndicatorCodes indicatorCodes,
      ObjectProvider<MeterRegistry> registry,
      @Value("${wds.load.fail-after-extracts:0}") int failAfterExtracts,
      @Value("${wds.home}") java.nio.file.Path home,
      JdbcSourceLoad jdbc) {
    return new LoadJobListener(
        catalog,
        indicatorCodes,
        registry.getIfAvailable(),
        System.out,
        failAfterExtracts,
        home,
        jdbc);
  }

  @Bean
  Job loadJob(
      JobRepository repository,
      PlatformTransactionManager transactions,
      SchemaCatalog catalog,
      LoadJobListener listener,
      JdbcSourceLoad jdbc) {
    List<Step> steps =
        catalog.sources().stream()
            .<Step>map(
                source ->
                    new StepBuilder(stepName(source), repository)
                        .tasklet(new SourceLoadTasklet(source, listener, jdbc), transactions)
                        .allowStartIfComplete(true)
                        .build())
            .toList();
    SimpleJobBuilder job = new JobBuilder(JOB, repository).listener(listener).start(steps.get(0));
    steps.subList(1, steps.size()).forEach(job::next);
    return job.build();
  }

  /** {@code loadPopulation}, {@code loadHealth}, ...: steps are named after what they do. */
  static String stepName(String source) {
    return "load" + source.substring(0, 1).toUpperCase(Locale.ROOT) + source.substring(1);
  }
}
