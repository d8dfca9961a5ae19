package wds.jobs.schedule;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The job executions running in this process. A clustered job repository also shows executions of
 * other machines; a graceful stop must stop only its own, so every job of the context reports here
 * when it starts and ends.
 */
public final class LocalExecutions implements JobExecutionListener, BeanPostProcessor {

  private final Set<JobExecution> running = ConcurrentHashMap.newKeySet();

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof AbstractJob job) {
      job.registerJobExecutionListener(this);
    }
    return bean;
  }

  @Override
  public void beforeJob(JobExecution execution) {
    running.add(execution);
  }

  @Override
  public void afterJob(JobExecution execution) {
    running.remove(execution);
  }

  /** The executions running here now (the live objects the jobs update). */
  public List<JobExecution> running() {
    return List.copyOf(running);
  }
}
