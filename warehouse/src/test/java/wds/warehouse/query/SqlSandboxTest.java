package wds.warehouse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.warehouse.publish.TestDb;
import wds.warehouse.query.QueryRefusedException.Reason;

/**
 * The sandbox on a real DuckDB file beside real files it must not reach: what it runs, what it
 * refuses (by DuckDB's parser and by the database's own settings), and its two limits.
 */
class SqlSandboxTest {

  @TempDir Path dir;
  Path snapshot;
  Path secret;

  @BeforeEach
  void snapshotAndASecretBesideIt() throws Exception {
    snapshot = dir.resolve("wds-20260115-020000.duckdb");
    try (Connection c = TestDb.open(snapshot)) {
      TestDb.execute(
          c,
          "CREATE TABLE indicator_value (code VARCHAR, year INTEGER, value DOUBLE)",
          "INSERT INTO indicator_value SELECT 'C' || (i % 7), 2000 + i % 25, i / 3.0"
              + " FROM range(1000) t(i)");
    }
    secret = dir.resolve("pseudonym.key");
    Files.writeString(secret, "c2VjcmV0LWtleS1vZi10aGUtYnVyZWF1\n");
  }

  List<List<String>> run(String sql, QueryLimits limits) throws Exception {
    List<List<String>> out = new ArrayList<>();
    try (SqlSandbox sandbox = SqlSandbox.open(snapshot, limits)) {
      sandbox.query(
          sql,
          (rows, limit) -> {
            int columns = rows.getMetaData().getColumnCount();
            while (limit.next(rows)) {
              List<String> row = new ArrayList<>();
              for (int i = 1; i <= columns; i++) {
                row.add(rows.getString(i));
              }
              out.add(row);
            }
          });
    }
    return out;
  }

  List<List<String>> run(String sql) throws Exception {
    return run(sql, QueryLimits.defaults());
  }

  QueryRefusedException refused(String sql) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> run(sql));
    assertThat(thrown).as(sql).isInstanceOf(QueryRefusedException.class);
    assertThat(thrown.getMessage()).as(sql).doesNotContain("\n");
    return (QueryRefusedException) thrown;
  }

  @Test
  void query_WhenItReads_ThenItRuns() throws Exception {
    assertThat(run("select count(*) from indicator_value")).containsExactly(List.of("1000"));
    assertThat(run("with c as (select distinct code from indicator_value) select count(*) from c"))
        .containsExactly(List.of("7"));
    assertThat(run("describe indicator_value"))
        .extracting(r -> r.get(0))
        .containsExactly("code", "year", "value");
    assertThat(run("show tables")).containsExactly(List.of("indicator_value"));
    assertThat(run("summarize indicator_value")).hasSize(3);
    assertThat(run("explain select * from indicator_value where year = 2020")).isNotEmpty();
    assertThat(run("explain analyze select count(*) from indicator_value")).isNotEmpty();
    assertThat(run("from indicator_value select max(year)")).containsExactly(List.of("2024"));
  }

  @Test
  void query_WhenItIsNotOneReadingStatement_ThenDuckDbsParserRefusesItNamingTheKind() {
    assertThat(refused("COPY indicator_value TO '" + dir.resolve("out.csv") + "'").getMessage())
        .startsWith("COPY is not allowed: a query is one statement that reads");
    QueryRefusedException attach =
        refused("  -- a comment first\n/* and another */ attach '" + secret + "' as k");
    assertThat(attach.keyword()).isEqualTo("ATTACH");
    assertThat(attach.reason()).isEqualTo(Reason.NOT_A_READ);
    for (String kind : List.of("SET", "PRAGMA", "INSTALL", "LOAD", "EXPORT", "CALL", "INSERT")) {
      String sql =
          switch (kind) {
            case "SET" -> "set threads = 1";
            case "PRAGMA" -> "pragma enable_profiling";
            case "INSTALL" -> "install httpfs";
            case "LOAD" -> "load httpfs";
            case "EXPORT" -> "export database '" + dir.resolve("exported") + "'";
            case "CALL" -> "call pragma_version()";
            default -> "insert into indicator_value values ('X', 1, 1)";
          };
      assertThat(refused(sql).keyword()).as(sql).isEqualTo(kind);
    }
    assertThat(refused("explain analyze copy indicator_value to 'x.csv'").getMessage())
        .startsWith("EXPLAIN of COPY is not allowed");
    assertThat(dir.resolve("out.csv")).doesNotExist();
    assertThat(dir.resolve("exported")).doesNotExist();
  }

  @Test
  void query_WhenACteWrapsACopyOrAnInsert_ThenItIsRefused() {
    Path target = dir.resolve("leak.csv");
    QueryRefusedException copy =
        refused("with x as (copy indicator_value to '" + target + "') select 1");
    assertThat(copy.reason()).isEqualTo(Reason.NOT_A_READ);
    assertThat(copy.getMessage()).startsWith("COPY inside a query is not allowed");
    assertThat(
            refused(
                    "with x as (insert into indicator_value values ('X', 1, 1) returning *)"
                        + " select * from x")
                .getMessage())
        .startsWith("INSERT inside a query is not allowed");
    assertThat(target).doesNotExist();
  }

  @Test
  void query_WhenTheTextHoldsTwoStatements_ThenItIsRefused() {
    QueryRefusedException e = refused("select 1; select * from read_text('" + secret + "')");
    assertThat(e.reason()).isEqualTo(Reason.MANY_STATEMENTS);
    assertThat(e.getMessage()).startsWith("2 statements are not allowed");
  }

  @Test
  void query_WhenItReadsAFile_ThenTheDatabaseRefusesItAndNothingIsShown() throws Exception {
    for (String sql :
        List.of(
            "select * from read_text('" + secret + "')",
            "select * from read_csv('" + secret + "')",
            "select * from read_parquet('" + dir.resolve("*.parquet") + "')",
            "select * from glob('/**')",
            "select count(*) from glob('" + dir + "/*')")) {
      QueryRefusedException e = refused(sql);
      assertThat(e.reason()).as(sql).isEqualTo(Reason.FILE_ACCESS);
      assertThat(e.getMessage())
          .as(sql)
          .startsWith("reading or writing files is not allowed")
          .doesNotContain("c2VjcmV0");
    }
  }

  @Test
  void open_WhenTheSandboxIsOpen_ThenItsSettingsAreLockedAndFileAccessIsOff() throws Exception {
    assertThat(
            run(
                "select name, value from duckdb_settings() where name in"
                    + " ('enable_external_access', 'lock_configuration',"
                    + " 'autoload_known_extensions', 'autoinstall_known_extensions')"
                    + " order by name"))
        .containsExactly(
            List.of("autoinstall_known_extensions", "false"),
            List.of("autoload_known_extensions", "false"),
            List.of("enable_external_access", "false"),
            List.of("lock_configuration", "true"));
    // the settings hold even for a statement that bypasses the judge
    try (Connection c =
            java.sql.DriverManager.getConnection("jdbc:duckdb:" + snapshot, SqlSandbox.settings());
        Statement set = c.createStatement();
        Statement create = c.createStatement()) {
      assertThatThrownBy(() -> set.execute("SET enable_external_access = true"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("locked");
      assertThatThrownBy(() -> create.execute("CREATE TABLE x (i INTEGER)"))
          .hasMessageContaining("read-only");
    }
  }

  @Test
  void query_WhenTheResultIsLongerThanTheRowLimit_ThenItIsCutAndSaysSo() throws Exception {
    QueryLimits limits = new QueryLimits(Duration.ofSeconds(60), 10);
    try (SqlSandbox sandbox = SqlSandbox.open(snapshot, limits)) {
      List<String> seen = new ArrayList<>();
      SqlSandbox.Outcome cut =
          sandbox.query(
              "select code from indicator_value order by rowid",
              (rows, limit) -> {
                while (limit.next(rows)) {
                  seen.add(rows.getString(1));
                }
              });
      assertThat(cut).isEqualTo(new SqlSandbox.Outcome(true, 10, true));
      assertThat(seen).hasSize(10);

      SqlSandbox.Outcome exact =
          sandbox.query(
              "select * from indicator_value limit 10",
              (rows, limit) -> {
                while (limit.next(rows)) {}
              });
      assertThat(exact).isEqualTo(new SqlSandbox.Outcome(true, 10, false));
    }
  }

  @Test
  void query_WhenItRunsLongerThanTheTimeLimit_ThenItIsStoppedAndSaysSo() throws Exception {
    QueryLimits limits = new QueryLimits(Duration.ofSeconds(1), 100);
    QueryRefusedException e =
        (QueryRefusedException)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> run("select count(*) from range(1000000) a, range(1000000) b", limits));
    assertThat(e.reason()).isEqualTo(Reason.TIME_LIMIT);
    assertThat(e.getMessage()).isEqualTo("the query ran longer than its time limit of 1 s");
  }

  @Test
  void query_WhenTheSqlDoesNotParse_ThenDuckDbsSyntaxErrorInOneLine() {
    QueryRefusedException e = refused("selec * from indicator_value");
    assertThat(e.reason()).isEqualTo(Reason.SYNTAX);
    assertThat(e.getMessage()).contains("syntax error");
  }
}
