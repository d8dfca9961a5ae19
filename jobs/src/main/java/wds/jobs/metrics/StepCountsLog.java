package wds.jobs.metrics;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Logs one line per finished step with its counts, for every step of every job in the context:
 * {@code step=<name> status=<..> read=<..> written=<..> skipped=<..> seconds=<..> job=<..>
 * execution=<..> cpu_seconds=<..>}. Only names and numbers: never an exit message, which may quote
 * input. {@code cpu_seconds} is the process's CPU time (every thread: DuckDB's workers, the JIT's
 * compilers, the collector) while the step ran, so on a shared machine a step's own cost can be
 * told from the time it waited; steps that run inside another step (the load job's inside the
 * nightly's {@code loadDeliveries}) count within it too.
 */
public final class StepCountsLog implements StepExecutionListener, BeanPostProcessor {

  private static final Logger log = LoggerFactory.getLogger(StepCountsLog.class);

  private final Set<Object> registered = Collections.newSetFromMap(new IdentityHashMap<>());

  /** The process's CPU time when each running step started, by step execution. */
  private final Map<StepExecution, Long> cpuAtStart =
      Collections.synchronizedMap(new IdentityHashMap<>());

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof AbstractStep step) {
      register(step);
    } else if (bean instanceof AbstractJob job) {
      for (String name : job.getStepNames()) {
        register(job.getStep(name));
      }
    }
    return bean;
  }

  private synchronized void register(Step step) {
    if (step instanceof AbstractStep abstractStep && registered.add(step)) {
      abstractStep.registerStepExecutionListener(this);
    }
  }

  @Override
  public void beforeStep(StepExecution step) {
    cpuAtStart.put(step, processCpuNanos());
  }

  @Override
  public ExitStatus afterStep(StepExecution step) {
    Long cpu0 = cpuAtStart.remove(step);
    long cpu = processCpuNanos();
    double cpuSeconds = cpu0 == null || cpu < 0 ? 0 : (cpu - cpu0) / 1e9;
    LocalDateTime start = step.getStartTime();
    double seconds =
        start == null ? 0 : Duration.between(start, LocalDateTime.now()).toMillis() / 1000.0;
    log.info(
        "step={} status={} read={} written={} skipped={} seconds={} job={} execution={}"
            + " cpu_seconds={}",
        step.getStepName(),
        step.getStatus(),
        step.getReadCount(),
        step.getWriteCount(),
        step.getSkipCount(),
        String.format(Locale.ROOT, "%.3f", seconds),
        step.getJobExecution().getJobInstance().getJobName(),
        step.getJobExecutionId(),
        String.format(Locale.ROOT, "%.3f", cpuSeconds));
    return null;
  }

  /** CPU time of this process, all threads; -1 where the JVM does not tell it. */
  static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }
}
