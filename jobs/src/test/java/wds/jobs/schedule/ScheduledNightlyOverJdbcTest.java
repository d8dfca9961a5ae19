package wds.jobs.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import wds.jobs.WdsCli;
import wds.jobs.WdsHome;
import wds.jobs.nightly.NightlyJobConfiguration;
import wds.jobs.testsupport.DatabaseServers;
import wds.jobs.testsupport.MariaDb;
import wds.jobs.testsupport.Postgres;
import wds.jobs.testsupport.TestDatabase;
import wds.pipeline.synthetic.CountyGenerator;
import wds.pipeline.synthetic.GeneratorSettings;
import wds.schemas.SchemaCatalog;

/**
 * The acceptance: a county whose health records live in PostgreSQL and whose HR records
 * live in MariaDB (the other sources delivering files) loads on a schedule by itself. The real
 * {@code nightly} job runs from its cron trigger, with no manual start, and publishes a snapshot
 * that holds what the source databases hold; the next fire finds nothing new.
 */
@ExtendWith(DatabaseServers.class)
class ScheduledNightlyOverJdbcTest {

  private static final SchemaCatalog CATALOG = SchemaCatalog.load();
  private static final List<String> PULLED = List.of("health", "hr");
  private static final String COUNTY = "652323000000";

  @TempDir Path dir;

  @Test
  void aCountyDeliveredThroughPostgresAndMariaDb_LoadsAndPublishesOnASchedule_ByItself(
      @Postgres TestDatabase health, @MariaDb TestDatabase hr) throws Exception {
    Path generated = dir.resolve("generated");
    CountyGenerator.generate(GeneratorSettings.defaults().withPersons(3000).withSeed(7), generated);
    seed(generated, health, hr);
    WdsHome home = new WdsHome(dir.resolve("home")).create();
    Files.writeString(home.pseudonymKey(), "scheduled-jdbc-test-key-0123456789abcdef");
    copyFileSources(generated, home.drop());

    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "--wds.metrics.port=0",
            "--spring.main.banner-mode=off",
            "--wds.schedule.job=" + NightlyJobConfiguration.JOB,
            "--wds.schedule.cron=*/5 * * * * ?"));
    args.addAll(source("health", health));
    args.addAll(source("hr", hr));

    // Reads the work database between fires: the listener runs on the Quartz thread that ran the
    // job, and the Quartz job admits no concurrent fire, so no run writes while it reads.
    OperationalLayerProbe probe = new OperationalLayerProbe(home.workDatabase());
    List<JobExecution> runs;
    try (ConfigurableApplicationContext context =
        ScheduleCommand.application(home, List.of())
            .listeners(probe)
            .run(args.toArray(String[]::new))) {
      boolean twoRuns = SchedulerHarness.await(Duration.ofMinutes(3), () -> probe.runs() >= 2);
      runs = executions(context.getBean(JobRepository.class));
      assertThat(twoRuns)
          .as("two scheduled nightly runs completed within 3 minutes: %s", runs)
          .isTrue();
    }
    assertThat(probe.failure()).as("reading the work database between runs").isNull();
    assertThat(runs)
        .as("every nightly run was started by the schedule and completed")
        .allSatisfy(
            e -> {
              assertThat(e.getJobParameters().getParameter("scheduled.at")).isNotNull();
              assertThat(e.getStatus()).isIn(BatchStatus.COMPLETED, BatchStatus.STOPPED);
            })
        .filteredOn(e -> e.getStatus() == BatchStatus.COMPLETED)
        .hasSizeGreaterThanOrEqualTo(2);

    Path snapshot = home.snapshots().resolve("current.duckdb");
    assertThat(snapshot).exists();
    try (Connection warehouse = WorkDatabases.readOnly(snapshot)) {
      assertEveryExtractWasAuditedByItsConnectorAndReconciled(warehouse);
      assertFactsHoldWhatTheSourceTablesHold(warehouse, health, hr);
      assertThat(
              WorkDatabases.strings(
                  warehouse,
                  "SELECT DISTINCT indicator_code FROM indicator_value WHERE area_code = '"
                      + COUNTY
                      + "' AND indicator_code IN ('H02', 'C01') AND value IS NOT NULL"))
          .as("H02 (health, pulled) and C01 (hr, pulled) have values for the county")
          .containsExactlyInAnyOrder("H02", "C01");
    }
    try (Connection work = WorkDatabases.readOnly(home.workDatabase())) {
      assertAMarkPerPulledExtract(work, health, hr);
    }

    OperationalLayerProbe.State first = probe.states().get(0);
    OperationalLayerProbe.State second = probe.states().get(1);
    assertThat(first.ods()).containsKey("ods_health__births").containsKey("ods_hr__employment");
    assertThat(second.ods())
        .as("the second fire changed no row of the operational layer")
        .isEqualTo(first.ods());
    assertThat(second.fileDeliveries())
        .as("the second fire loaded no file delivery again")
        .isEqualTo(first.fileDeliveries());
  }

  private static void assertEveryExtractWasAuditedByItsConnectorAndReconciled(Connection c)
      throws Exception {
    Map<String, Set<String>> connectors = new TreeMap<>();
    for (List<String> row :
        WorkDatabases.rows(
            c,
            "SELECT source || '/' || extract, connector, status,"
                + " rows_read = rows_loaded + rows_rejected FROM etl_delivery")) {
      connectors.computeIfAbsent(row.get(0), k -> new TreeSet<>()).add(row.get(1));
      assertThat(row.get(3)).as("%s reconciled (read = loaded + rejected)", row).isEqualTo("true");
      assertThat(row.get(2)).as("%s status", row).isEqualTo("loaded");
    }
    Map<String, Set<String>> expected = new TreeMap<>();
    for (String source : CATALOG.sources()) {
      for (var schema : CATALOG.ofSource(source)) {
        if (PULLED.contains(source)) {
          expected.put(source + "/" + schema.extract(), Set.of("jdbc"));
        }
      }
    }
    // every pulled extract was pulled (and never read from a file); the file sources' deliveries
    // are files (an extract a source did not deliver has no row, hence the subset)
    assertThat(connectors).containsAllEntriesOf(expected);
    connectors.forEach(
        (extract, used) -> {
          if (!expected.containsKey(extract)) {
            assertThat(used).as(extract).containsExactly("file");
          }
        });
    assertThat(connectors.keySet())
        .as("file sources delivered")
        .anyMatch(k -> k.startsWith("population/"))
        .anyMatch(k -> k.startsWith("education/"))
        .anyMatch(k -> k.startsWith("civil/"))
        .anyMatch(k -> k.startsWith("reports/"));
  }

  private static void assertFactsHoldWhatTheSourceTablesHold(
      Connection warehouse, TestDatabase health, TestDatabase hr) throws Exception {
    long births = liveRows(health, "births");
    long employment = liveRows(hr, "employment");
    assertThat(births).as("births in PostgreSQL").isPositive();
    assertThat(employment).as("employment spells in MariaDB").isPositive();
    assertThat(WorkDatabases.count(warehouse, "SELECT count(*) FROM fact_births"))
        .isEqualTo(births);
    assertThat(WorkDatabases.count(warehouse, "SELECT count(*) FROM fact_employment"))
        .isEqualTo(employment);
  }

  private static void assertAMarkPerPulledExtract(
      Connection work, TestDatabase health, TestDatabase hr) throws Exception {
    Map<String, String> expected = new TreeMap<>();
    for (String source : PULLED) {
      TestDatabase db = source.equals("health") ? health : hr;
      for (var schema : CATALOG.ofSource(source)) {
        LocalDateTime latest = latestUpdate(db, schema.extract());
        if (latest != null) {
          expected.put(source + "/" + schema.extract(), latest.toString());
        }
      }
    }
    assertThat(expected)
        .as("pulled extracts with rows")
        .containsKeys("health/births", "hr/employment");
    Map<String, String> marks = new TreeMap<>();
    for (List<String> row :
        WorkDatabases.rows(
            work,
            "SELECT source || '/' || extract, strftime(high_water, '%Y-%m-%dT%H:%M:%S')"
                + " FROM etl_watermark")) {
      marks.put(row.get(0), row.get(1));
    }
    // the mark of each pulled extract is the latest updated_at its table holds
    assertThat(normalised(marks)).isEqualTo(normalised(expected));
  }

  /** LocalDateTime.toString drops zero seconds; compare at second precision in one form. */
  private static Map<String, String> normalised(Map<String, String> marks) {
    Map<String, String> out = new TreeMap<>();
    marks.forEach((k, v) -> out.put(k, LocalDateTime.parse(v).withNano(0).toString()));
    return out;
  }

  private static long liveRows(TestDatabase db, String table) throws Exception {
    try (Connection c = db.connect()) {
      return WorkDatabases.count(
          c, "SELECT count(*) FROM " + table + " WHERE deleted IS NULL OR deleted <> 'Y'");
    }
  }

  private static LocalDateTime latestUpdate(TestDatabase db, String table) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT max(updated_at) FROM " + table)) {
      rs.next();
      return rs.getObject(1, LocalDateTime.class);
    }
  }

  private static void seed(Path generated, TestDatabase health, TestDatabase hr) {
    StringWriter out = new StringWriter();
    CommandLine cli = WdsCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    int status =
        cli.execute(
            "seed-sources",
            "--drop",
            generated.toString(),
            "--source",
            "health=" + health.url(),
            "--source",
            "hr=" + hr.url());
    assertThat(status).as(out.toString()).isZero();
  }

  /** The {@code wds.sources.<source>} settings of a source pulled from a test database. */
  private List<String> source(String source, TestDatabase db) throws Exception {
    String p = "--wds.sources." + source + ".";
    List<String> args = new ArrayList<>();
    args.add(p + "connector=jdbc");
    args.add(p + "url=" + db.urlWithoutPassword());
    if (db.user() != null) {
      args.add(p + "user=" + db.user());
    }
    if (db.password() != null) {
      Path file = Files.writeString(dir.resolve(source + ".password"), db.password());
      args.add(p + "password-file=" + file);
    }
    return args;
  }

  /** Copies the sources that still deliver files (all but the pulled ones) into the drop folder. */
  private static void copyFileSources(Path generated, Path drop) throws Exception {
    try (Stream<Path> sources = Files.list(generated)) {
      for (Path source : sources.filter(Files::isDirectory).toList()) {
        if (PULLED.contains(source.getFileName().toString())) {
          continue;
        }
        Path target = Files.createDirectories(drop.resolve(source.getFileName().toString()));
        try (Stream<Path> files = Files.list(source)) {
          for (Path f : files.toList()) {
            Files.copy(f, target.resolve(f.getFileName().toString()));
          }
        }
      }
    }
  }

  private static List<JobExecution> executions(JobRepository repository) {
    List<JobExecution> all = new ArrayList<>();
    for (JobInstance instance : repository.findJobInstances(NightlyJobConfiguration.JOB)) {
      all.addAll(repository.getJobExecutions(instance));
    }
    return all;
  }
}
