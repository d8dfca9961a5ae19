package wds.jobs.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import wds.jobs.WdsCli;
import wds.warehouse.publish.SnapshotPublisher;

/**
 * Every abuse of {@code wds query} found by the hardening review (issue 9, point 1), on a home laid
 * out as the nightly leaves it: a published snapshot, the work database with its reject audit, the
 * pseudonymisation key, a quarantine file with a raw identity number and the public feed. Each is
 * refused in one line naming what is not allowed, exit 1, and no file changes.
 */
class QueryCommandSandboxTest {

  @TempDir Path home;
  Path feed;
  Path key;
  Path quarantine;
  String feedBefore;

  record Run(int exit, String out, String err) {}

  Run wds(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = WdsCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  Run query(String... sqlAndOptions) {
    String[] args = new String[sqlAndOptions.length + 3];
    args[0] = "query";
    args[1] = "--home";
    args[2] = home.toString();
    System.arraycopy(sqlAndOptions, 0, args, 3, sqlAndOptions.length);
    return wds(args);
  }

  @BeforeEach
  void aPublishedHome() throws Exception {
    Path work = home.resolve("warehouse/work.duckdb");
    Files.createDirectories(work.getParent());
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + work);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE etl_reject (source VARCHAR, reason VARCHAR, rows BIGINT)");
      s.execute("INSERT INTO etl_reject VALUES ('health', 'BAD_ID_CHECKSUM', 3)");
      new SnapshotPublisher(home.resolve("snapshots"), List.of())
          .publish(
              c,
              (w, catalog) -> {
                try (Statement t = w.createStatement()) {
                  t.execute(
                      "CREATE TABLE "
                          + catalog
                          + ".indicator_value AS SELECT 'C' || (i % 42) AS code, 2012 + i % 14"
                          + " AS year, i / 7.0 AS value FROM range(3000) r(i)");
                }
              });
    }
    key = home.resolve("state/pseudonym.key");
    Files.createDirectories(key.getParent());
    Files.writeString(key, "a2V5LW9mLXRoZS1idXJlYXUtdGhhdC1tdXN0LW5vdC1sZWFr\n");
    quarantine = home.resolve("quarantine/health/maternal_visit_20260115.csv");
    Files.createDirectories(quarantine.getParent());
    Files.writeString(quarantine, "line,reason,mother_id\n7,BAD_ID_CHECKSUM,65232319900101002X\n");
    feed = home.resolve("public/indicator_value.csv");
    Files.createDirectories(feed.getParent());
    feedBefore = "code,year,value\nC01,2025,51.2\n";
    Files.writeString(feed, feedBefore);
  }

  void assertRefused(Run run, String sql, String startOfMessage) {
    assertThat(run.exit()).as(sql).isEqualTo(1);
    assertThat(run.out()).as(sql).isEmpty();
    assertThat(run.err()).as(sql).endsWith(System.lineSeparator());
    assertThat(run.err().strip())
        .as(sql)
        .startsWith("wds query: " + startOfMessage)
        .doesNotContain("\n")
        .doesNotContain("Exception")
        .doesNotContain("a2V5LW9m")
        .doesNotContain("65232319900101002X");
  }

  @Test
  void query_WhenItCopiesToAnyPath_ThenRefusedAndThePublicFeedIsUnchanged() throws Exception {
    for (String sql :
        List.of(
            "COPY indicator_value TO '" + feed + "' (HEADER)",
            "copy (select 'forged' as code) to '" + feed + "'",
            "COPY indicator_value TO '" + home.resolve("leak.parquet") + "' (FORMAT parquet)")) {
      assertRefused(query(sql), sql, "COPY is not allowed");
    }
    String cte = "with x as (copy indicator_value to '" + feed + "') select 1";
    assertRefused(query(cte), cte, "COPY inside a query is not allowed");
    assertThat(Files.readString(feed, StandardCharsets.UTF_8)).isEqualTo(feedBefore);
    assertThat(home.resolve("leak.parquet")).doesNotExist();
  }

  @Test
  void query_WhenItExportsTheDatabase_ThenRefusedAndNothingIsWritten() {
    Path out = home.resolve("exported");
    String sql = "EXPORT DATABASE '" + out + "'";
    assertRefused(query(sql), sql, "EXPORT is not allowed");
    assertThat(out).doesNotExist();
  }

  @Test
  void query_WhenItAttachesTheWorkDatabase_ThenRefused() {
    Path work = home.resolve("warehouse/work.duckdb");
    for (String sql :
        List.of(
            "ATTACH '" + work + "' AS w (READ_ONLY)", "select * from read_text('" + work + "')")) {
      Run run = query(sql);
      assertThat(run.exit()).as(sql).isEqualTo(1);
      assertThat(run.out()).doesNotContain("BAD_ID_CHECKSUM");
    }
    assertRefused(
        query("ATTACH '" + work + "' AS w (READ_ONLY)"), "ATTACH", "ATTACH is not allowed");
  }

  @Test
  void query_WhenItReadsTheKeyOrTheQuarantineOrGlobs_ThenRefusedNamingFileAccess() {
    for (String sql :
        List.of(
            "select * from read_text('" + key + "')",
            "select content from read_text('" + home + "/state/*')",
            "select * from read_csv('" + quarantine + "')",
            "select * from read_csv('" + quarantine + "', all_varchar = true, header = false)",
            "select * from read_parquet('" + home + "/lake/**/*.parquet')",
            "select * from read_blob('" + key + "')",
            "select count(*) from glob('/**')")) {
      assertRefused(query(sql), sql, "reading or writing files is not allowed");
    }
  }

  @Test
  void query_WhenItSetsOrPragmasOrLoadsExtensions_ThenRefusedNamingTheStatement() {
    for (String[] sqlAndKind :
        new String[][] {
          {"SET enable_external_access = true", "SET"},
          {"set threads = 1", "SET"},
          {"RESET lock_configuration", "RESET"},
          {"PRAGMA enable_profiling", "PRAGMA"},
          {"INSTALL httpfs", "INSTALL"},
          {"LOAD httpfs", "LOAD"},
          {"FORCE INSTALL httpfs", "FORCE"},
        }) {
      String sql = sqlAndKind[0];
      assertRefused(query(sql), sql, sqlAndKind[1] + " is not allowed");
    }
  }

  @Test
  void query_WhenTheTextHoldsTwoStatements_ThenRefused() {
    String sql = "select 1; select * from read_text('" + key + "')";
    assertRefused(query(sql), sql, "2 statements are not allowed");
    String trailing =
        "select count(*) from indicator_value; copy indicator_value to '" + feed + "'";
    assertRefused(
        query(trailing),
        trailing,
        "a statement that does not read is not allowed (this text starts with SELECT");
  }

  @Test
  void query_WhenItRunsLongerThanTheTimeLimit_ThenStoppedInOneLine() {
    String sql = "select count(*) from range(1000000) a, range(1000000) b";
    assertRefused(
        query("--timeout", "1", sql),
        sql,
        "the query ran longer than its time limit of 1 s (--timeout, WDS_QUERY_TIMEOUT)");
  }

  @Test
  void query_WhenTheResultIsLongerThanTheRowLimit_ThenItIsCutAndSaysSo() {
    Run table = query("--max-rows", "5", "select code from indicator_value");
    assertThat(table.exit()).isZero();
    assertThat(table.out().lines().toList())
        .hasSize(2 + 5 + 1)
        .last()
        .isEqualTo("(5 rows shown: the result was cut at the row limit)");
    assertThat(table.err().strip())
        .isEqualTo(
            "wds query: the result was cut after 5 rows, the row limit (--max-rows,"
                + " WDS_QUERY_MAX_ROWS)");

    Run csv = query("--max-rows", "5", "--format", "csv", "select code from indicator_value");
    assertThat(csv.out().lines().toList()).hasSize(1 + 5);
    assertThat(csv.err()).contains("cut after 5 rows");

    Run whole = query("--max-rows", "5", "select * from indicator_value limit 5");
    assertThat(whole.out()).endsWith("(5 rows)" + System.lineSeparator());
    assertThat(whole.err()).isEmpty();
  }

  @Test
  void query_WhenAnAnalystReads_ThenOrdinaryQueriesStillWork() {
    Run all = query("select * from indicator_value");
    assertThat(all.exit()).isZero();
    assertThat(all.out()).endsWith("(3000 rows)" + System.lineSeparator());
    assertThat(all.err()).isEmpty();
    for (String sql :
        List.of(
            "describe indicator_value",
            "summarize indicator_value",
            "show tables",
            "explain select code, avg(value) from indicator_value group by code",
            "with y as (select year, count(*) n from indicator_value group by year)"
                + " select max(n) from y",
            "select reason, rows from etl_reject")) {
      Run run = query(sql);
      assertThat(run.exit()).as(sql + ": " + run.err()).isZero();
      assertThat(run.err()).as(sql).isEmpty();
      assertThat(run.out()).as(sql).isNotBlank();
    }
    assertThat(query("show tables").out()).contains("indicator_value", "etl_reject");
  }
}
