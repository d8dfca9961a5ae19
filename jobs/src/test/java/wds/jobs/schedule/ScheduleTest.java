package wds.jobs.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import wds.schemas.CountyClock;

/** The nightly schedule's semantics on the embedded (H2 file) job repository and Quartz store. */
class ScheduleTest {

  private static final ZoneId COUNTY = CountyClock.ZONE;

  @TempDir Path home;

  @BeforeEach
  void reset() {
    TestJobs.reset();
  }

  @Test
  void runsNeverOverlap_WhenARunOutlastsTheNextFireTime() throws Exception {
    TestJobs.sleepMillis = 1500;
    try (var context =
        SchedulerHarness.start(
            home,
            "--wds.schedule.job=sleeping",
            "--wds.schedule.cron=* * * * * ?",
            "--spring.quartz.properties[org.quartz.jobStore.misfireThreshold]=500")) {
      JobRepository repository = context.getBean(JobRepository.class);
      assertThat(
              SchedulerHarness.await(
                  Duration.ofSeconds(20), () -> executions(repository, "sleeping").size() >= 3))
          .isTrue();
    }
    assertThat(TestJobs.MAX_CONCURRENT.get()).isEqualTo(1);
    try (var context = SchedulerHarness.start(home, "--wds.schedule.job=sleeping")) {
      List<JobExecution> runs =
          new ArrayList<>(executions(context.getBean(JobRepository.class), "sleeping"));
      runs.removeIf(e -> e.getEndTime() == null);
      runs.sort(Comparator.comparing(JobExecution::getStartTime));
      for (int i = 1; i < runs.size(); i++) {
        assertThat(runs.get(i).getStartTime())
            .as("run %d starts after run %d ended", i, i - 1)
            .isAfterOrEqualTo(runs.get(i - 1).getEndTime());
      }
    }
  }

  @Test
  void aFireMissedWhileTheSchedulerWasDown_RunsOnceAtStartUp() throws Exception {
    // Three fire times, a few seconds from now, that pass while no scheduler runs.
    ZonedDateTime first = ZonedDateTime.now(COUNTY).plusSeconds(8).withNano(0);
    if (first.getSecond() > 56) {
      first = first.plusSeconds(5);
    }
    String cron =
        String.format(
            "%d,%d,%d %d %d * * ?",
            first.getSecond(),
            first.getSecond() + 1,
            first.getSecond() + 2,
            first.getMinute(),
            first.getHour());
    String[] args = {
      "--wds.schedule.job=recording",
      "--wds.schedule.cron=" + cron,
      "--spring.quartz.properties[org.quartz.jobStore.misfireThreshold]=1000"
    };
    try (var context = SchedulerHarness.start(home, args)) {
      assertThat(TestJobs.RUNS).isEmpty(); // stored the trigger, then went down before it fired
    }
    ZonedDateTime missedUntil = first.plusSeconds(4);
    while (ZonedDateTime.now(COUNTY).isBefore(missedUntil)) {
      Thread.sleep(100);
    }
    try (var context = SchedulerHarness.start(home, args)) {
      assertThat(SchedulerHarness.await(Duration.ofSeconds(10), () -> !TestJobs.RUNS.isEmpty()))
          .isTrue();
      Thread.sleep(2500); // time for a second (wrong) catch-up run to show itself
      assertThat(TestJobs.RUNS).hasSize(1);
      var trigger = context.getBean(Scheduler.class).getTrigger(NightlyTrigger.TRIGGER);
      assertThat(trigger.getNextFireTime().toInstant())
          .isAfter(first.plusHours(23).toInstant()); // the next fire is tomorrow's
    }
  }

  @Test
  void aFailedRun_IsRestartedByTheNextFire_InsteadOfStartedAfresh() throws Exception {
    try (var context = SchedulerHarness.start(home, "--wds.schedule.job=failingOnce")) {
      NightlyLauncher launcher = context.getBean(NightlyLauncher.class);
      JobRepository repository = context.getBean(JobRepository.class);

      assertThat(launcher.fire(java.time.Instant.now(), false)).isEqualTo(BatchStatus.FAILED);
      JobInstance failed = repository.getLastJobInstance("failingOnce");

      launcher.fire(java.time.Instant.now().plusSeconds(1), false);
      List<JobExecution> ofFailed = repository.getJobExecutions(failed);
      assertThat(ofFailed)
          .extracting(JobExecution::getStatus)
          .containsExactlyInAnyOrder(BatchStatus.FAILED, BatchStatus.COMPLETED);
    }
  }

  @Test
  void aStopAtShutdown_EndsAtAChunkBoundary_AndTheNextFireResumesWithoutDuplicates()
      throws Exception {
    TestJobs.chunkMillis = 150;
    String[] args = {"--wds.schedule.job=counting"};
    JobInstance instance;
    try (ConfigurableApplicationContext context = SchedulerHarness.start(home, args)) {
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      context.getBean(Scheduler.class).triggerJob(NightlyTrigger.JOB);
      assertThat(
              SchedulerHarness.await(
                  Duration.ofSeconds(20),
                  () ->
                      jdbc.queryForObject("select count(*) from test_written", Integer.class)
                          >= 15))
          .isTrue();
      instance = context.getBean(JobRepository.class).getLastJobInstance("counting");
      // closing the context is what Spring Boot's shutdown hook does on SIGTERM
    }
    try (var context = SchedulerHarness.start(home, args)) {
      JobRepository repository = context.getBean(JobRepository.class);
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      JobExecution stopped = repository.getLastJobExecution(instance);
      assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);
      int writtenBeforeStop = count(jdbc, instance);
      assertThat(writtenBeforeStop).isBetween(15, TestJobs.ITEMS - 5);
      assertThat(writtenBeforeStop % 5).as("stopped at a chunk boundary").isZero();

      TestJobs.chunkMillis = 0;
      context.getBean(NightlyLauncher.class).fire(java.time.Instant.now(), false);

      assertThat(repository.getLastJobExecution(instance).getStatus())
          .isEqualTo(BatchStatus.COMPLETED);
      assertThat(count(jdbc, instance)).isEqualTo(TestJobs.ITEMS);
      assertThat(
              jdbc.queryForObject(
                  "select count(distinct item) from test_written where job_instance_id = ?",
                  Integer.class,
                  instance.getInstanceId()))
          .isEqualTo(TestJobs.ITEMS);
      assertThat(repository.getJobExecutions(instance)).hasSize(2); // the same instance, resumed
    }
  }

  @Test
  void aScheduleNamingNoJob_FailsAtStartUpWithTheKnownJobs() {
    assertThatThrownBy(() -> SchedulerHarness.start(home, "--wds.schedule.job=nope").close())
        .rootCause()
        .hasMessageContaining("'nope'")
        .hasMessageContaining("recording");
  }

  private static int count(JdbcTemplate jdbc, JobInstance instance) {
    return jdbc.queryForObject(
        "select count(*) from test_written where job_instance_id = ?",
        Integer.class,
        instance.getInstanceId());
  }

  private static List<JobExecution> executions(JobRepository repository, String job) {
    List<JobExecution> all = new ArrayList<>();
    for (JobInstance instance : repository.findJobInstances(job)) {
      all.addAll(repository.getJobExecutions(instance));
    }
    return all;
  }

  @SuppressWarnings("unused")
  private static LocalDateTime now() {
    return LocalDateTime.now(COUNTY);
  }
}
