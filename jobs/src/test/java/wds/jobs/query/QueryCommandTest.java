package wds.jobs.query;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import wds.jobs.WdsCli;
import wds.warehouse.publish.SnapshotPublisher;

class QueryCommandTest {

  @TempDir Path home;

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

  void publish() throws Exception {
    Path work = home.resolve("warehouse/work.duckdb");
    Files.createDirectories(work.getParent());
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + work)) {
      new SnapshotPublisher(home.resolve("snapshots"), java.util.List.of())
          .publish(
              c,
              (w, catalog) -> {
                try (Statement s = w.createStatement()) {
                  s.execute(
                      "CREATE TABLE "
                          + catalog
                          + ".dim_sex (sex_code VARCHAR, name_zh VARCHAR, persons BIGINT,"
                          + " share DECIMAL(5,2))");
                  s.execute(
                      "INSERT INTO "
                          + catalog
                          + ".dim_sex VALUES ('1', '男', 1200, 51.25), ('2', '女性', 95, NULL)");
                }
              });
    }
  }

  @Test
  void query_WhenNothingWasPublished_ThenSaysSoAndFails() {
    Run run = wds("query", "--home", home.toString(), "select 1");

    assertThat(run.exit()).isNotZero();
    assertThat(run.err()).startsWith("wds query: no warehouse snapshot has been published yet");
  }

  @Test
  void query_WhenFormatIsTable_ThenColumnsAreAlignedWithNumbersRight() throws Exception {
    publish();

    Run run = wds("query", "--home", home.toString(), "select * from dim_sex order by sex_code");

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
            sex_code  name_zh  persons  share
            --------  -------  -------  -----
            1         男          1200  51.25
            2         女性          95   NULL
            (2 rows)
            """);
  }

  @Test
  void query_WhenFormatIsCsv_ThenRowsAreCsvWithAHeader() throws Exception {
    publish();

    Run run =
        wds(
            "query",
            "--home",
            home.toString(),
            "--format",
            "csv",
            "select sex_code, name_zh, share from dim_sex order by 1");

    assertThat(run.out()).isEqualTo("sex_code,name_zh,share\n1,男,51.25\n2,女性,\n");
  }

  @Test
  void query_WhenFormatIsJson_ThenRowsAreObjectsWithTypedValues() throws Exception {
    publish();

    Run run =
        wds(
            "query",
            "--home",
            home.toString(),
            "--format",
            "json",
            "select sex_code, persons, share from dim_sex order by 1");

    assertThat(run.out())
        .as("ends its line, like the other formats")
        .endsWith("]" + System.lineSeparator());
    JsonNode json = JsonMapper.builder().build().readTree(run.out());
    assertThat(json.size()).isEqualTo(2);
    assertThat(json.get(0).get("sex_code").asString()).isEqualTo("1");
    assertThat(json.get(0).get("persons").isNumber()).isTrue();
    assertThat(json.get(0).get("persons").asLong()).isEqualTo(1200);
    assertThat(json.get(0).get("share").decimalValue()).isEqualByComparingTo("51.25");
    assertThat(json.get(1).get("share").isNull()).isTrue();
  }

  @Test
  void query_WhenTheStatementWrites_ThenItIsRefusedInPlainWords() throws Exception {
    publish();

    for (String write :
        new String[] {
          "delete from dim_sex",
          "create table x as select 1",
          "drop table dim_sex",
          "insert into dim_sex values ('9', '未说明', 0, 0)"
        }) {
      Run run = wds("query", "--home", home.toString(), write);

      assertThat(run.exit()).as(write).isNotZero();
      assertThat(run.err().strip())
          .as(write)
          .isEqualTo("wds query is read-only: the snapshot cannot be changed.");
    }
    assertThat(wds("query", "--home", home.toString(), "select count(*) from dim_sex").out())
        .contains("2");
  }

  @Test
  void query_WhenTheSqlIsWrong_ThenOneLineAndNoStackTrace() throws Exception {
    publish();

    Run run = wds("query", "--home", home.toString(), "select nope from dim_sex");

    assertThat(run.exit()).isNotZero();
    assertThat(run.err().strip())
        .startsWith("wds query: ")
        .doesNotContain("\n")
        .doesNotContain("at org.");
  }
}
