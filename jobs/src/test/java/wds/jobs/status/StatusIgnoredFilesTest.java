package wds.jobs.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import wds.jobs.WdsCli;
import wds.warehouse.publish.SnapshotPublisher;

/** Issue 9, finding 5: {@code wds status} shows the files the loader ignored as unlisted. */
class StatusIgnoredFilesTest {

  @TempDir Path home;

  @Test
  void status_WhenFilesWereIgnored_ThenListsThemApartFromTheLoads() throws Exception {
    Path work = home.resolve("warehouse/work.duckdb");
    Files.createDirectories(work.getParent());
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + work);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE etl_delivery (source VARCHAR, extract VARCHAR, delivery_date DATE,"
              + " file VARCHAR, rows_read BIGINT, rows_loaded BIGINT, rows_rejected BIGINT,"
              + " sha256 VARCHAR, status VARCHAR, message VARCHAR, started_at TIMESTAMP,"
              + " finished_at TIMESTAMP)");
      s.execute(
          "INSERT INTO etl_delivery VALUES"
              + " ('health', 'births', DATE '2025-01-31', 'births_20250131.csv', 100, 97, 3, 'x',"
              + " 'loaded', NULL, NULL, NULL),"
              + " ('health', NULL, DATE '2025-01-31', 'births_copy_20250131.csv', 0, 0, 0, NULL,"
              + " 'ignored', 'not listed in manifest_20250131.json: ignored, never read', NULL,"
              + " NULL),"
              + " ('civil', NULL, DATE '2025-01-30', 'marriages\u001b[2J_20250130.csv', 0, 0,"
              + " 0, NULL, 'ignored', 'not listed', NULL, NULL),"
              + " ('civil', NULL, DATE '2024-01-30', 'old_20240130.csv', 0, 0, 0, NULL,"
              + " 'ignored', 'not listed', NULL, NULL)");
      new SnapshotPublisher(home.resolve("snapshots"), java.util.List.of())
          .publish(c, (w, catalog) -> {});
    }
    StringWriter out = new StringWriter();
    CommandLine cli = WdsCli.commandLine();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("status", "--home", home.toString())).isZero();
    String status = out.toString();

    assertThat(status)
        .contains("Files in the drop not listed in their manifest (ignored, not loaded)")
        .contains("  health 2025-01-31: births_copy_20250131.csv")
        .contains("  civil 2025-01-30: marriages\\u001b[2J_20250130.csv")
        .doesNotContain("old_20240130.csv") // older than the latest 14 days of deliveries
        .containsPattern("health +births +2025-01-31 +loaded +100 +97 +3")
        .doesNotContainPattern("ignored +0 +0 +0")
        .doesNotContain("\u001b");
  }
}
