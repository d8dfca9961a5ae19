package wds.jobs.load;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.JobContext;
import org.springframework.batch.core.scope.context.JobSynchronizationManager;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;

/**
 * The task executor of the load job's split: at most as many steps at once as there are lanes (the
 * split waits for a free one, in the order of its flows), each on a thread of its own ({@code
 * load-lane-N}) that is registered with the job's execution while it runs. Spring Batch keeps the
 * job scope in a thread-local of the job's thread only, so without it the job-scoped {@link
 * LoadSession} could not be found from a split's thread.
 */
final class LoadLaneExecutor {

  private LoadLaneExecutor() {}

  static TaskExecutor of(int lanes) {
    SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("load-lane-");
    executor.setConcurrencyLimit(lanes);
    executor.setTaskDecorator(LoadLaneExecutor::inJobScope);
    return executor;
  }

  /** Decorates a task in the submitting (the job's) thread: it runs in the same job's scope. */
  private static Runnable inJobScope(Runnable task) {
    JobContext context = JobSynchronizationManager.getContext();
    if (context == null) {
      return task;
    }
    JobExecution job = context.getJobExecution();
    return () -> {
      JobSynchronizationManager.register(job);
      try {
        task.run();
      } finally {
        // close, not release: close only unregisters this thread, while release would also end
        // the job's scope and close its beans (the session, with every lane's connection) under
        // the other lanes; the job's own thread releases it when the job ends
        JobSynchronizationManager.close();
      }
    };
  }
}
