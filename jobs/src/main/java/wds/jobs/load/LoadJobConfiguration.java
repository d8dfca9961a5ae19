package wds.jobs.load;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import wds.jobs.WdsHome;
import wds.jobs.publish.DuckDbSettings;
import wds.pipeline.jdbc.JdbcSourceLoad;
import wds.pipeline.load.LoadLanes;
import wds.pipeline.load.LoadListener;
import wds.schemas.SchemaCatalog;

/**
 * The {@code load} job: one step per source, each loading its source's deliveries from the drop
 * folder oldest first through the run's {@link LoadSession}. {@code loadPopulation} runs first and
 * alone, since its areas check everyone else's area codes; then the other sources' steps ({@code
 * loadHr}, {@code loadHealth}, ...) run in a split on {@code wds.load.lanes} threads, each step on
 * its own lane, in {@link LoadLanes#laneOrder} (the largest source first). With one lane the job is
 * the plain sequence of the catalogue's order.
 */
@Configuration(proxyBeanMethods = false)
@Import(LoadComponents.class)
@EnableConfigurationProperties(LoadJobSettings.class)
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
      DuckDbSettings duckdb,
      LoadJobSettings settings) {
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
        duckdb.limits(),
        settings.lanes());
  }

  @Bean
  Job loadJob(
      JobRepository repository,
      PlatformTransactionManager transactions,
      SchemaCatalog catalog,
      LoadSession loadSession,
      LoadJobSettings settings) {
    List<String> sources = catalog.sources();
    Step first = step(sources.get(0), repository, transactions, loadSession);
    if (settings.lanes() == 1) {
      SimpleJobBuilder job = new JobBuilder(JOB, repository).start(first);
      sources
          .subList(1, sources.size())
          .forEach(s -> job.next(step(s, repository, transactions, loadSession)));
      return job.build();
    }
    Flow[] sourceFlows =
        LoadLanes.laneOrder(sources).stream()
            .map(
                s ->
                    initialised(
                        new FlowBuilder<Flow>(stepName(s))
                            .start(step(s, repository, transactions, loadSession))
                            .build()))
            .toArray(Flow[]::new);
    // a split of its own after the first step: a split added right after a step (start(first)
    // .split(...)) would run that step beside the others
    Flow lanes =
        initialised(
            new FlowBuilder<Flow>("loadOnLanes")
                .split(LoadLaneExecutor.of(settings.lanes()))
                .add(sourceFlows)
                .build());
    // the lanes only when the first step completed; any other outcome ends the job as it did
    return new JobBuilder(JOB, repository).flow(first).next(lanes).end().build();
  }

  /**
   * A flow inside the job's flow learns its states only when it first runs; until then the job does
   * not list its steps, and {@code StepCountsLog} (which registers on the steps the job lists)
   * would log no counts line for them.
   */
  private static Flow initialised(Flow flow) {
    if (flow instanceof InitializingBean bean) {
      try {
        bean.afterPropertiesSet();
      } catch (Exception e) {
        throw new IllegalStateException("cannot build the load job's flow " + flow.getName(), e);
      }
    }
    return flow;
  }

  private static Step step(
      String source,
      JobRepository repository,
      PlatformTransactionManager transactions,
      LoadSession loadSession) {
    return new StepBuilder(stepName(source), repository)
        .tasklet(new SourceLoadTasklet(source, loadSession), transactions)
        .allowStartIfComplete(true)
        .build();
  }

  /** {@code loadPopulation}, {@code loadHealth}, ...: steps are named after what they do. */
  static String stepName(String source) {
    return "load" + source.substring(0, 1).toUpperCase(Locale.ROOT) + source.substring(1);
  }
}
