package wds.jobs.region;

import static org.assertj.core.api.Assertions.assertThat;
import static wds.jobs.region.RegionChecks.single;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import wds.jobs.CommandOutput;
import wds.jobs.testsupport.DatabaseServers;
import wds.jobs.testsupport.Postgres;
import wds.jobs.testsupport.RabbitMqServers;
import wds.jobs.testsupport.TestDatabase;
import wds.jobs.testsupport.WdsProcess;
import wds.warehouse.publish.Snapshots;

/**
 * The region's nightly in remote mode against a real RabbitMQ and PostgreSQL: workers as processes
 * of their own, the manager in this JVM, a small region of three counties.
 */
@ExtendWith(DatabaseServers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegionRemotePartitioningTest {

  @TempDir static Path dir;

  private static String partitioning;
  private static RabbitMqServers.Broker broker;
  private final List<Process> workers = new ArrayList<>();

  @BeforeAll
  static void servers(@Postgres TestDatabase db) throws Exception {
    broker = RabbitMqServers.broker();
    partitioning =
        "partitioning:\n  mode: remote\n  rabbitmq: "
            + broker.address()
            + "\n  job-repository: \""
            + db.url()
            + "\"\n";
    Regions.generate(Regions.file(dir.resolve("whole"), partitioning));
    Regions.copyDrops(dir.resolve("whole"), dir.resolve("killed"));
    Regions.file(dir.resolve("killed"), partitioning);
  }

  @AfterEach
  void stopWorkers() {
    workers.forEach(Process::destroyForcibly);
  }

  @Test
  @Order(1)
  void nightlyRegion_WhenThreeWorkersTakeTheCounties_ThenTheRegionIsPublished() throws Exception {
    Path file = dir.resolve("whole/region.yml");
    for (int i = 0; i < 3; i++) {
      workers.add(
          Regions.worker(file, dir.resolve("whole/worker" + i + ".log"), broker.password()));
    }

    CommandOutput run = CommandOutput.run("nightly", "--region", file.toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    RegionFile region = RegionFile.load(file);
    try (Connection conn = RegionChecks.snapshot(region);
        Statement st = conn.createStatement()) {
      assertThat(
              single(st, "select count(*) from region_county where night = 'done' and not stale"))
          .isEqualTo(3);
      assertThat(single(st, "select count(*) from indicator_value where area_level = 'prefecture'"))
          .isPositive();
    }
    // every county ran on some worker: the three logs together name the three counties' nightlies
    String logs =
        WdsProcess.read(dir.resolve("whole/worker0.log"))
            + WdsProcess.read(dir.resolve("whole/worker1.log"))
            + WdsProcess.read(dir.resolve("whole/worker2.log"));
    assertThat(logs).contains("taking the counties of 659900000000");
  }

  @Test
  @Order(2)
  void prefectureValues_AreSummedNumeratorsOverSummedDenominators() throws Exception {
    RegionChecks.assertPrefectureIsSummed(RegionFile.load(dir.resolve("whole/region.yml")), 3);
  }

  @Test
  @Order(3)
  void regionLake_OpensInDuckDbWithHivePartitioning() throws Exception {
    RegionChecks.assertLakeOpensWithHivePartitioning(
        RegionFile.load(dir.resolve("whole/region.yml")), 3, "652324000000", 2024);
  }

  @Test
  @Order(4)
  void
      nightlyRegion_WhenAWorkerIsKilledMidCounty_ThenTheJobCompletesAndEveryCountyEqualsAnUninterruptedRun()
          throws Exception {
    Path file = dir.resolve("killed/region.yml");
    Process victim = Regions.worker(file, dir.resolve("killed/victim.log"), broker.password());
    workers.add(victim);
    CompletableFuture<CommandOutput> manager =
        CompletableFuture.supplyAsync(
            () -> CommandOutput.run("nightly", "--region", file.toString()));
    // the victim is in the middle of a county once its county nightly process runs and has
    // begun writing the county's work database
    RegionFile region = RegionFile.load(file);
    assertThat(
            WdsProcess.await(
                Duration.ofMinutes(10),
                () ->
                    // (not by its arguments: ProcessHandle.Info cannot read a command line as long
                    // as the test class path; the county's work database is the sign)
                    victim.toHandle().descendants().findAny().isPresent()
                        && region.counties().stream()
                            .anyMatch(c -> java.nio.file.Files.exists(c.home().workDatabase()))))
        .isTrue();
    Thread.sleep(2_000);
    victim.destroyForcibly(); // SIGKILL
    victim.waitFor();
    workers.add(Regions.worker(file, dir.resolve("killed/survivor.log"), broker.password()));

    CommandOutput run = manager.get();

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    RegionFile whole = RegionFile.load(dir.resolve("whole/region.yml"));
    RegionFile killed = RegionFile.load(file);
    for (RegionFile.County c : killed.counties()) {
      assertSameWarehouse(
          new Snapshots(whole.county(c.code()).home().snapshots()).requireCurrent(),
          new Snapshots(c.home().snapshots()).requireCurrent());
    }
  }

  /** Every model and indicator table of two county snapshots holds the same rows. */
  private static void assertSameWarehouse(Path expected, Path actual) throws SQLException {
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = conn.createStatement()) {
      st.execute("ATTACH '" + expected + "' AS e (READ_ONLY)");
      st.execute("ATTACH '" + actual + "' AS a (READ_ONLY)");
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          st.executeQuery(
              "select table_name from information_schema.tables where table_catalog = 'e'"
                  + " and (table_name like 'dim\\_%' escape '\\' or table_name like 'fact\\_%' escape '\\'"
                  + " or table_name like 'mart\\_%' escape '\\' or table_name like 'indicator%')"
                  + " order by 1")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      assertThat(tables).contains("indicator_value", "fact_births", "mart_sex_age");
      for (String t : tables) {
        long differing =
            single(
                st,
                "select (select count(*) from (from e."
                    + t
                    + " except all from a."
                    + t
                    + "))"
                    + " + (select count(*) from (from a."
                    + t
                    + " except all from e."
                    + t
                    + "))");
        assertThat(differing).as(actual.getFileName() + " " + t + " rows differing").isZero();
      }
    }
  }
}
