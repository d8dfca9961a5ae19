package wds.jobs.load;

import java.util.Optional;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import wds.pipeline.jdbc.JdbcSourceLoad;
import wds.pipeline.load.Delivery;
import wds.pipeline.load.DeliveryResult;

/**
 * The step of one source: loads its deliveries oldest first, one per call, so each delivery is its
 * own unit of work (and of restart: a delivery is committed with its audit rows in one DuckDB
 * transaction, and a committed one is recognised as done by the next run).
 */
final class SourceLoadTasklet implements Tasklet {

  private final String source;
  private final LoadJobListener session;
  private final JdbcSourceLoad jdbc;

  SourceLoadTasklet(String source, LoadJobListener session, JdbcSourceLoad jdbc) {
    this.source = source;
    this.session = session;
    this.jdbc = jdbc;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext)
      throws Exception {
    LoadSession load = session.current();
    if (jdbc.pulls(source)) {
      // a source configured as jdbc is pulled from its database; its drop folder is not read
      StepExecution step = contribution.getStepExecution();
      for (DeliveryResult pulled : load.pull(source, jdbc)) {
        step.setReadCount(step.getReadCount() + pulled.rowsRead());
        contribution.incrementWriteCount(pulled.rowsLoaded());
        contribution.incrementFilterCount(pulled.rowsRejected());
      }
      return RepeatStatus.FINISHED;
    }
    Optional<Delivery> next = load.next(source);
    if (next.isEmpty()) {
      return RepeatStatus.FINISHED;
    }
    DeliveryResult result = load.load(next.get());
    // the step's counts mirror the audit: read, written (loaded) and filtered (rejected)
    StepExecution step = contribution.getStepExecution();
    step.setReadCount(step.getReadCount() + result.rowsRead());
    contribution.incrementWriteCount(result.rowsLoaded());
    contribution.incrementFilterCount(result.rowsRejected());
    return load.hasMore(source) ? RepeatStatus.CONTINUABLE : RepeatStatus.FINISHED;
  }
}
