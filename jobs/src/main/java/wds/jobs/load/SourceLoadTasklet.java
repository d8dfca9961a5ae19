package wds.jobs.load;

import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import wds.pipeline.load.Delivery;
import wds.pipeline.load.DeliveryResult;

/**
 * The step of one source: loads its deliveries oldest first, one per call, so each delivery is its
 * own unit of work (and of restart: a delivery is committed with its audit rows in one DuckDB
 * transaction, and a committed one is recognised as done by the next run). A source configured as
 * {@code jdbc} is pulled from its database instead, in one call.
 */
final class SourceLoadTasklet implements Tasklet {

  private final String source;
  private final LoadSession session;

  /**
   * @param session the run's session (the job scope's proxy)
   */
  SourceLoadTasklet(String source, LoadSession session) {
    this.source = source;
    this.session = session;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext)
      throws Exception {
    if (session.pulls(source)) {
      // a source configured as jdbc is pulled from its database; its drop folder is not read
      record(contribution, session.pull(source));
      return RepeatStatus.FINISHED;
    }
    Optional<Delivery> next = session.next(source);
    if (next.isEmpty()) {
      return RepeatStatus.FINISHED;
    }
    record(contribution, List.of(session.load(next.get())));
    return session.hasMore(source) ? RepeatStatus.CONTINUABLE : RepeatStatus.FINISHED;
  }

  /**
   * Keeps the results in the job's execution context; the step's counts mirror the audit: read,
   * written (loaded) and filtered (rejected).
   */
  private static void record(StepContribution contribution, List<DeliveryResult> results) {
    StepExecution step = contribution.getStepExecution();
    for (DeliveryResult result : results) {
      step.setReadCount(step.getReadCount() + result.rowsRead());
      contribution.incrementWriteCount(result.rowsLoaded());
      contribution.incrementFilterCount(result.rowsRejected());
    }
    LoadedDeliveries.add(step, results);
  }
}
