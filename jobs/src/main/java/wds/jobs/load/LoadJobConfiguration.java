package wds.jobs.load;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.batch.core.configuration.annotation.JobScope;
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
import wds.jobs.WdsHome;
import wds.jobs.publish.DuckDbSettings;
import wds.pipeline.jdbc.JdbcSourceLoad;
import wds.pipeline.load.LoadListener;
import wds.schemas.SchemaCatalog;

/**
 * The {@code load} job: one step per source in the catalogue's order ({@code loadPopulation} first,
 * since its areas check everyone else's area codes, then {@code loadHealth}, ...), each loading its
 * source's deliveries from the drop folder oldest first through the run's {@link LoadSession}.
 */
@Configuration(proxyBeanMethods = false)
@Import(LoadComponents.class)
public class LoadJobConfiguration {

  public static final String JOB = "load";

  /**
   * The session of one run, bound late from the job parameters {@code home} and {@code drop} (a
   * scheduled run names neither: the application's home and its drop folder); opened by the run's
   * first step, closed when the run ends.
   */
  @Bean
  @JobScope
  LoadSession loadSession(
      @Value("#{jobParameters['home']}") String home,
      @Value("#{jobParameters['drop']}") String drop,
      @Value("${wds.home}") Path defaultHome,
      @Value("${wds.load.fail-after-extracts:0}") int failAfterExtracts,
      SchemaCatalog catalog,
      LoadComponents.IndicatorCodes indicatorCodes,
      ObjectProvider<MeterRegistry> registry,
      JdbcSourceLoad jdbc,
      DuckDbSettings duckdb) {
    WdsHome wdsHome = new WdsHome(home == null ? defaultHome : Path.of(home));
    Path dropFolder = drop == null ? wdsHome.drop() : Path.of(drop);
    List<LoadListener> listeners = new ArrayList<>();
    listeners.add(new LoadReporter(System.out));
    registry.ifAvailable(r -> listeners.add(new LoadMetrics(r)));
    listeners.add(new FaultInjection(failAfterExtracts));
    return new LoadSession(
        wdsHome,
        dropFolder,
        catalog,
        indicatorCodes.codes(),
        new CompositeLoadListener(listeners),
        jdbc,
        duckdb.limits());
  }

  @Bean
  Job loadJob(
      JobRepository repository,
      PlatformTransactionManager transactions,
      SchemaCatalog catalog,
      LoadSession loadSession) {
    List<Step> steps =
        catalog.sources().stream()
            .<Step>map(
                source ->
                    new StepBuilder(stepName(source), repository)
                        .tasklet(new SourceLoadTasklet(source, loadSession), transactions)
                        .allowStartIfComplete(true)
                        .build())
            .toList();
    SimpleJobBuilder job = new JobBuilder(JOB, repository).start(steps.get(0));
    steps.subList(1, steps.size()).forEach(job::next);
    return job.build();
  }

  /** {@code loadPopulation}, {@code loadHealth}, ...: steps are named after what they do. */
  static String stepName(String source) {
    return "load" + source.substring(0, 1).toUpperCase(Locale.ROOT) + source.substring(1);
  }
}
