package wds.jobs.load;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.JobExecutionListener;
import wds.jobs.WdsHome;
import wds.pipeline.jdbc.JdbcSourceLoad;
import wds.pipeline.load.LoadListener;
import wds.schemas.SchemaCatalog;

/**
 * Opens the {@link LoadSession} of a load job run before its first step (from the job parameters
 * {@code home} and {@code drop}) and closes it after the last.
 */
public final class LoadJobListener implements JobExecutionListener {

  private final SchemaCatalog catalog;
  private final LoadComponents.IndicatorCodes indicatorCodes;
  private final MeterRegistry registry;
  private final PrintStream out;
  private final int failAfterExtracts;
  private final Path defaultHome;
  private final JdbcSourceLoad jdbc;
  private LoadSession session;
  private List<wds.pipeline.load.DeliveryResult> lastResults = List.of();

  LoadJobListener(
      SchemaCatalog catalog,
      LoadComponents.IndicatorCodes indicatorCodes,
      MeterRegistry registry,
      PrintStream out,
      int failAfterExtracts,
      Path defaultHome,
      JdbcSourceLoad jdbc) {
    this.catalog = catalog;
    this.indicatorCodes = indicatorCodes;
    this.registry = registry;
    this.out = out;
    this.failAfterExtracts = failAfterExtracts;
    this.defaultHome = defaultHome;
    this.jdbc = jdbc;
  }

  @Override
  public void beforeJob(JobExecution execution) {
    JobParameters p = execution.getJobParameters();
    // a scheduled run names neither: the application's home and its drop folder
    WdsHome home = new WdsHome(Path.of(p.getString("home", defaultHome.toString())));
    Path drop = Path.of(p.getString("drop", home.drop().toString()));
    List<LoadListener> listeners = new ArrayList<>();
    listeners.add(new LoadReporter(out));
    if (registry != null) {
      listeners.add(new LoadMetrics(registry));
    }
    listeners.add(new FaultInjection(failAfterExtracts));
    try {
      session =
          LoadSession.open(
              home, drop, catalog, indicatorCodes.codes(), new CompositeLoadListener(listeners));
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot open the work database " + home.workDatabase(), e);
    }
  }

  @Override
  public void afterJob(JobExecution execution) {
    if (session != null) {
      lastResults = session.results();
      try {
        session.close();
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException("cannot close the work database", e);
      } finally {
        session = null;
      }
    }
  }

  LoadSession current() {
    if (session == null) {
      throw new IllegalStateException("no load session open (the job listener did not run)");
    }
    return session;
  }

  /** What the last run did, delivery by delivery. */
  public List<wds.pipeline.load.DeliveryResult> lastResults() {
    return lastResults;
  }
}
