package wds.jobs.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.quartz.JobExecutionContext;
import org.quartz.listeners.JobListenerSupport;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Small real Spring Batch jobs that the scheduler tests schedule instead of the product's nightly
 * job: one that records its runs, one that sleeps (and measures overlap), one that fails once, and
 * a restartable chunk job that writes numbered items to a table. Also records every Quartz fire.
 */
@Configuration(proxyBeanMethods = false)
public class TestJobs {

  /** One run of the recording job. */
  public record Run(long executionId, LocalDateTime scheduledAt) {}

  /** One Quartz fire, as the scheduler that executed it saw it. */
  public record Fire(String schedulerInstance, Instant scheduledFireTime, boolean recovering) {}

  public static final List<Run> RUNS = new CopyOnWriteArrayList<>();
  public static final List<Fire> FIRES = new CopyOnWriteArrayList<>();
  public static final AtomicInteger CONCURRENT = new AtomicInteger();
  public static final AtomicInteger MAX_CONCURRENT = new AtomicInteger();
  public static final AtomicBoolean FAILED_ONCE = new AtomicBoolean();
  public static volatile long sleepMillis = 1500;
  public static volatile long chunkMillis = 100;

  /** The number of items the counting job writes, five per chunk. */
  public static final int ITEMS = 60;

  public static void reset() {
    RUNS.clear();
    FIRES.clear();
    CONCURRENT.set(0);
    MAX_CONCURRENT.set(0);
    FAILED_ONCE.set(false);
  }

  @Bean
  Job recording(JobRepository repository, PlatformTransactionManager tm) {
    return new JobBuilder("recording", repository)
        .start(
            new StepBuilder("record", repository)
                .tasklet(
                    (contribution, chunk) -> {
                      var execution = contribution.getStepExecution().getJobExecution();
                      RUNS.add(
                          new Run(
                              execution.getId(),
                              execution.getJobParameters().getLocalDateTime("scheduled.at")));
                      return RepeatStatus.FINISHED;
                    },
                    tm)
                .build())
        .build();
  }

  @Bean
  Job sleeping(JobRepository repository, PlatformTransactionManager tm) {
    return new JobBuilder("sleeping", repository)
        .start(
            new StepBuilder("sleep", repository)
                .tasklet(
                    (contribution, chunk) -> {
                      MAX_CONCURRENT.accumulateAndGet(CONCURRENT.incrementAndGet(), Math::max);
                      try {
                        Thread.sleep(sleepMillis);
                      } finally {
                        CONCURRENT.decrementAndGet();
                      }
                      return RepeatStatus.FINISHED;
                    },
                    tm)
                .build())
        .build();
  }

  @Bean
  Job failingOnce(JobRepository repository, PlatformTransactionManager tm) {
    return new JobBuilder("failingOnce", repository)
        .start(
            new StepBuilder("failOnce", repository)
                .tasklet(
                    (contribution, chunk) -> {
                      if (FAILED_ONCE.compareAndSet(false, true)) {
                        throw new IllegalStateException("planned failure of the first run");
                      }
                      return RepeatStatus.FINISHED;
                    },
                    tm)
                .build())
        .build();
  }

  @Bean
  Job counting(JobRepository repository, PlatformTransactionManager tm, DataSource dataSource) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    return new JobBuilder("counting", repository)
        .start(
            new StepBuilder("writeNumbers", repository)
                .<Integer, Integer>chunk(5)
                .transactionManager(tm)
                .reader(new CountingReader())
                .writer(
                    chunk -> {
                      long instance =
                          StepSynchronizationManager.getContext()
                              .getStepExecution()
                              .getJobExecution()
                              .getJobInstanceId();
                      for (Integer item : chunk) {
                        jdbc.update(
                            "insert into test_written (job_instance_id, item) values (?, ?)",
                            instance,
                            item);
                      }
                      Thread.sleep(Long.getLong("test.chunk-millis", chunkMillis));
                    })
                .build())
        .build();
  }

  /** The table the counting job writes to; a repeated item would break its primary key. */
  @Bean
  InitializingBean testWrittenTable(DataSource dataSource) {
    return () ->
        new JdbcTemplate(dataSource)
            .execute(
                "create table if not exists test_written (job_instance_id bigint, item int,"
                    + " primary key (job_instance_id, item))");
  }

  @Bean
  SchedulerFactoryBeanCustomizer recordFires() {
    return factory ->
        factory.setGlobalJobListeners(
            new JobListenerSupport() {
              @Override
              public String getName() {
                return "test-fires";
              }

              @Override
              public void jobToBeExecuted(JobExecutionContext context) {
                try {
                  FIRES.add(
                      new Fire(
                          context.getScheduler().getSchedulerInstanceId(),
                          context.getScheduledFireTime().toInstant(),
                          context.isRecovering()));
                } catch (org.quartz.SchedulerException e) {
                  throw new IllegalStateException(e);
                }
              }
            });
  }

  /** Reads 1..ITEMS, saving its position in the step's execution context at each chunk. */
  static final class CountingReader extends AbstractItemCountingItemStreamItemReader<Integer> {
    private int next;

    CountingReader() {
      setName("counting");
      setMaxItemCount(ITEMS);
    }

    @Override
    protected Integer doRead() {
      return ++next;
    }

    @Override
    protected void jumpToItem(int itemIndex) {
      next = itemIndex;
    }

    @Override
    protected void doOpen() {
      next = 0;
    }

    @Override
    protected void doClose() {}
  }
}
