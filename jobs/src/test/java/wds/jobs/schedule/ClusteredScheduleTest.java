package wds.jobs.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import wds.jobs.testsupport.DatabaseServers;
import wds.jobs.testsupport.Postgres;
import wds.jobs.testsupport.TestDatabase;

/**
 * Two schedulers of the production profile on one PostgreSQL database, as on two machines: the
 * clustered Quartz store lets exactly one of them run each fire.
 */
@ExtendWith(DatabaseServers.class)
class ClusteredScheduleTest {

  @TempDir Path homeA;
  @TempDir Path homeB;

  @Test
  void twoClusteredSchedulers_RunEachFireExactlyOnce(@Postgres TestDatabase database)
      throws Exception {
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

      assertThat(SchedulerHarness.await(Duration.ofSeconds(40), () -> TestJobs.RUNS.size() >= 5))
          .isTrue();
    }
    Map<Instant, Long> perFire =
        TestJobs.FIRES.stream()
            .collect(
                Collectors.groupingBy(TestJobs.Fire::scheduledFireTime, Collectors.counting()));
    assertThat(perFire).hasSizeGreaterThanOrEqualTo(5);
    assertThat(perFire.values()).as("fires per fire time, over both instances").containsOnly(1L);
    assertThat(
            TestJobs.RUNS.stream()
                .collect(Collectors.toMap(TestJobs.Run::scheduledAt, Function.identity())))
        .as("runs per fire time")
        .hasSize(TestJobs.RUNS.size());
    // every fire ran, but for one the contexts' closing may have cut short before its job began
    assertThat(TestJobs.RUNS.size()).isBetween(TestJobs.FIRES.size() - 1, TestJobs.FIRES.size());
  }

  @Test
  void theProductionSchemas_AreFlywayMigrations(@Postgres TestDatabase database) throws Exception {
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
