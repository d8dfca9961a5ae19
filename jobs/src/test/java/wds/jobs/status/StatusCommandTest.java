package wds.jobs.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import wds.jobs.WdsCli;
import wds.warehouse.publish.SnapshotContent;
import wds.warehouse.publish.SnapshotPublisher;

class StatusCommandTest {

  @TempDir Path home;

  String status() {
    StringWriter out = new StringWriter();
    CommandLine cli = WdsCli.commandLine();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("status", "--home", home.toString())).isZero();
    return out.toString();
  }

  void publish(List<String> workTables, SnapshotContent content) throws Exception {
    Path work = home.resolve("warehouse/work.duckdb");
    Files.createDirectories(work.getParent());
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + work);
        Statement s = c.createStatement()) {
      for (String sql : workTables) {
        s.execute(sql);
      }
      new SnapshotPublisher(home.resolve("snapshots"), List.of()).publish(c, content);
    }
  }

  @Test
  void status_WhenTheHomeIsEmpty_ThenSaysNoSnapshotYet() {
    assertThat(status()).startsWith("No warehouse snapshot has been published yet in");
  }

  @Test
  void status_WhenTheSnapshotHasNoAuditOrWarnings_ThenSaysSoPerSection() throws Exception {
    publish(List.of(), (w, catalog) -> {});

    assertThat(status())
        .contains("(no load audit in this snapshot)")
        .contains("(no reject audit in this snapshot)")
        .contains("(no indicator warnings in this snapshot)");
  }

  @Test
  void status_WhenTheSnapshotIsPopulated_ThenShowsLoadsRefusalsRejectsAndWarnings()
      throws Exception {
    publish(
        List.of(
            "CREATE TABLE etl_delivery (source VARCHAR, extract VARCHAR, delivery_date DATE,"
                + " file VARCHAR, rows_read BIGINT, rows_loaded BIGINT, rows_rejected BIGINT,"
                + " sha256 VARCHAR, status VARCHAR, message VARCHAR, started_at TIMESTAMP,"
                + " finished_at TIMESTAMP)",
            "INSERT INTO etl_delivery VALUES"
                + " ('health', 'births', DATE '2024-12-31', 'a.csv', 90, 90, 0, 'x', 'loaded',"
                + " NULL, NULL, NULL),"
                + " ('health', 'births', DATE '2025-01-31', 'b.csv', 100, 97, 3, 'x', 'loaded',"
                + " NULL, NULL, NULL),"
                + " ('hr', 'employment', DATE '2025-01-31', 'c.csv', NULL, 0, 0, 'x', 'refused',"
                + " 'missing column employer_type', NULL, NULL)",
            "CREATE TABLE etl_reject (source VARCHAR, extract VARCHAR, delivery_date DATE,"
                + " reason VARCHAR, \"rows\" BIGINT)",
            "INSERT INTO etl_reject VALUES"
                + " ('health', 'births', DATE '2024-12-31', 'BAD_CODE', 5),"
                + " ('health', 'births', DATE '2025-01-31', 'BAD_ID_FORMAT', 2),"
                + " ('health', 'births', DATE '2025-01-31', 'MISSING_REQUIRED', 1)"),
        (w, catalog) -> {
          try (Statement s = w.createStatement()) {
            s.execute(
                "CREATE TABLE "
                    + catalog
                    + ".indicator_warning (indicator_code VARCHAR, year INTEGER,"
                    + " area_code VARCHAR, kind VARCHAR, message VARCHAR)");
            s.execute(
                "INSERT INTO "
                    + catalog
                    + ".indicator_warning VALUES"
                    + " ('H02', 2023, '652323000000', 'not_met', '旧'),"
                    + " ('H02', 2024, '652323000000', 'not_met', '孕产妇系统管理率未达到目标'),"
                    + " ('C01', 2024, '652323000000', 'projected_miss', '预计2025年无法达标'),"
                    + " ('H01', 2024, '652323100000', 'small_numbers', '事件数少'),"
                    + " ('H01', 2024, '652323101000', 'small_numbers', '事件数少')");
          }
        });

    String status = status();

    assertThat(status)
        .contains("Snapshot  wds-")
        .containsPattern("health +births +2025-01-31 +loaded +100 +97 +3")
        .containsPattern("hr +employment +2025-01-31 +refused +- +0 +0")
        .contains("hr/employment 2025-01-31: missing column employer_type")
        .containsPattern("BAD_ID_FORMAT +2")
        .containsPattern("MISSING_REQUIRED +1")
        .doesNotContain("BAD_CODE")
        // warnings are judged for the plan's latest complete year, which this snapshot without
        // build_context cannot name (NightlyDemoCommandTest checks the digest on a real one)
        .contains("(this snapshot records no plan years; wds publish builds one that does)")
        .doesNotContain("旧")
        // health delivered last on 2025-01-31 (long ago): stale; hr's refusal is no delivery
        .containsPattern("source health: no delivery or pull for \\d+ days \\(latest 2025-01-31")
        .contains("source hr: no delivery or pull loaded yet")
        .contains("source education: no delivery or pull loaded yet");
  }
}
