package wds.jobs.load;

import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import wds.pipeline.load.DeliveryResult;

/**
 * What a run of the load job did, delivery by delivery in the order they ended, kept in its job
 * execution context under {@value #KEY}: each source's step adds its results as it goes, and the
 * command reads them for its summary once the job has ended.
 */
final class LoadedDeliveries {

  static final String KEY = "wds.load.deliveries";

  private LoadedDeliveries() {}

  /**
   * Adds what a step did to its job's execution context. Steps on two lanes add at once: the list
   * is replaced, never changed in place, under the context's lock, so neither loses the other's
   * results and the repository never serialises a list being changed.
   */
  static void add(StepExecution step, List<DeliveryResult> results) {
    ExecutionContext job = step.getJobExecution().getExecutionContext();
    synchronized (job) {
      List<DeliveryResult> all = new ArrayList<>(of(job));
      all.addAll(results);
      job.put(KEY, all);
    }
  }

  /** What a run of the load job did; empty when it loaded nothing (or never started). */
  static List<DeliveryResult> of(JobExecution execution) {
    return execution == null ? List.of() : of(execution.getExecutionContext());
  }

  @SuppressWarnings("unchecked")
  private static List<DeliveryResult> of(ExecutionContext context) {
    Object results = context.get(KEY);
    return results == null ? List.of() : List.copyOf((List<DeliveryResult>) results);
  }
}
