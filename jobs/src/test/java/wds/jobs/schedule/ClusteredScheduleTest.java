package wds.jobs.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two schedulers of the production profile on one PostgreSQL database, as on two machines: the
 * clustered Quartz store lets exactly one of them run each fire.
 */
class ClusteredScheduleTest {

  private static PostgresDatabase database;

  @TempDir Path homeA;
  @TempDir Path homeB;

  @BeforeAll
  static void database() throws Exception {
    database = PostgresDatabase.create();
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void twoClusteredSchedulers_RunEachFireExactlyOnce() throws Exception {
    TestJobs.reset();
    String[] args = {
      "--spring.datasource.url=" + database.url(),
      "--wds.schedule.job=recording",
      "--wds.schedule.cron=*/2 * * * * ?",
      "--spring.quartz.properties[org.quartz.jobStore.clusterCheckinInterval]=1000",
    };
    try (ConfigurableApplicationContext a =
            SchedulerHarness.start(homeA, List.of("production"), args);
        ConfigurableApplicationContext b =
            SchedulerHarness.start(homeB, List.of("production"), args)) {
      String idA = a.getBean(Scheduler.class).getSchedulerInstanceId();
      String idB = b.getBean(Scheduler.class).getSchedulerInstanceId();
      assertThat(idA).isNotEqualTo(idB);
      assertThat(a.getBean(Scheduler.class).getMetaData().isJobStoreClustered()).isTrue();

      assertThat(SchedulerHarness.await(Duration.ofSeconds(30), () -> TestJobs.FIRES.size() >= 5))
          .isTrue();
    }
    Map<Instant, Long> perFire =
        TestJobs.FIRES.stream()
            .collect(
                Collectors.groupingBy(TestJobs.Fire::scheduledFireTime, Collectors.counting()));
    assertThat(perFire).hasSizeGreaterThanOrEqualTo(5);
    assertThat(perFire.values()).as("runs per fire time").containsOnly(1L);
    assertThat(TestJobs.RUNS).hasSize(TestJobs.FIRES.size());
    assertThat(
            TestJobs.RUNS.stream()
                .collect(Collectors.toMap(TestJobs.Run::scheduledAt, Function.identity())))
        .hasSize(TestJobs.RUNS.size());
  }

  @Test
  void theProductionSchemas_AreFlywayMigrations() throws Exception {
    try (var context =
        SchedulerHarness.start(
            homeA,
            List.of("production"),
            "--spring.datasource.url=" + database.url(),
            "--wds.schedule.job=recording")) {
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      assertThat(
              jdbc.queryForList(
                  "select script from flyway_schema_history where success order by installed_rank",
                  String.class))
          .containsExactly("V1__spring_batch.sql", "V2__quartz.sql");
      assertThat(jdbc.queryForObject("select count(*) from qrtz_locks", Integer.class))
          .isPositive(); // the clustered store took its row locks in the migrated tables
    }
  }
}
