package wds.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the nightly's publish leaves for readers: the due reports beside the snapshot, reachable at
 * {@code reports/current}, and their public versions in {@code public/reports/}, built from the
 * feed alone, showing no cell the feed withholds.
 */
class PublishedReportsTest {

  static final List<String> DUE = List.of("annual-2025", "midterm-2023", "final-2025");

  @Test
  void publish_WritesTheDueReportsBesideTheSnapshot_AndPointsReportsCurrentAtThem()
      throws Exception {
    Path home = PublishedCounty.home();
    Path current = home.resolve("reports/current");
    assertThat(current).isSymbolicLink();
    String snapshot =
        home.resolve("snapshots/current.duckdb").toRealPath().getFileName().toString();
    assertThat(current.toRealPath().getFileName().toString())
        .isEqualTo(snapshot.replace(".duckdb", ""));
    for (String report : DUE) {
      for (String file : ReportFiles.NAMES) {
        assertThat(current.resolve(report).resolve(file)).isRegularFile();
        assertThat(home.resolve("public/reports").resolve(report).resolve(file)).isRegularFile();
      }
      JsonNode json = json(current.resolve(report).resolve("report.json"));
      assertThat(json.path("public").asBoolean()).isFalse();
      assertThat(json.path("snapshot").asString()).isEqualTo(snapshot);
    }
    try (Stream<Path> files = Files.walk(home.resolve("public"))) {
      for (Path f : files.filter(f -> f.getFileName().toString().equals("report.json")).toList()) {
        assertThat(json(f).path("public").asBoolean()).as("%s is public", f).isTrue();
      }
    }
  }

  @Test
  void report_RefusesToPutTheInternalReportInThePublicFeed() throws Exception {
    Path home = PublishedCounty.home();
    PublishedCounty.Run run =
        PublishedCounty.wds(
            "report",
            "--home",
            home.toString(),
            "--out",
            home.resolve("public/elsewhere").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("wds report: the internal report never goes into the public feed");
    assertThat(home.resolve("public/elsewhere")).doesNotExist();
  }

  @Test
  void publicReport_ShowsNoCellTheFeedWithholds() throws Exception {
    Path home = PublishedCounty.home();
    Path folder = home.resolve("public/reports/final-2025");
    JsonNode report = json(folder.resolve("report.json"));
    assertThat(report.path("public").asBoolean()).isTrue();

    Map<String, List<Object>> feed = new HashMap<>();
    try (Connection c = PublishedCounty.snapshot()) {
      for (List<Object> r :
          PublishedCounty.query(
              c,
              "SELECT indicator_code, year, area_code, residence, sex::varchar, value, suppressed"
                  + " FROM read_parquet('"
                  + home.resolve("public/indicator_value.parquet")
                  + "')")) {
        feed.put(r.get(0) + "|" + r.get(1) + "|" + r.get(2) + "|" + r.get(3) + "|" + r.get(4), r);
      }
    }
    int withheld = 0;
    for (JsonNode row : report.path("indicators")) {
      String key =
          row.path("indicator_code").asString()
              + "|"
              + row.path("year").asInt()
              + "|"
              + row.path("area_code").asString()
              + "|"
              + row.path("residence").asString()
              + "|"
              + row.path("sex").asString();
      List<Object> published = feed.get(key);
      assertThat(published).as("feed row of %s", key).isNotNull();
      if (published.get(6) != null) {
        withheld++;
        assertThat(row.path("value").isNull()).as("withheld %s", key).isTrue();
        assertThat(row.path("ci_low").isNull()).isTrue();
        assertThat(row.path("status").asString()).isEqualTo("withheld");
      } else if (published.get(5) != null) {
        assertThat(row.path("value").asDouble()).as(key).isEqualTo(published.get(5));
      }
    }
    assertThat(withheld).as("withheld township rows the report states").isPositive();

    // the yearbook: every withheld row a dash, never a number
    int dashes = 0;
    try (InputStream in = Files.newInputStream(folder.resolve("yearbook.xlsx"));
        XSSFWorkbook book = new XSSFWorkbook(in)) {
      for (Sheet sheet : book) {
        if (sheet.getSheetName().startsWith("表")) {
          continue;
        }
        for (var r : sheet) {
          for (Cell cell : r) {
            if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals("—")) {
              dashes++;
            }
          }
        }
      }
    }
    assertThat(dashes).as("withheld cells in the domain sheets").isEqualTo(withheld);
    String html = Files.readString(folder.resolve("report.html"));
    assertThat(html).contains("“—”为不公开数据").contains("（公开版）");
  }

  @Test
  void publicYearbook_ShowsEveryWithheldSexAgeCellAsADash() throws Exception {
    Path home = PublishedCounty.home();
    long suppressed;
    try (Connection c = PublishedCounty.snapshot()) {
      suppressed =
          ((Number)
                  PublishedCounty.query(
                          c,
                          "SELECT count(*) FROM read_parquet('"
                              + home.resolve("public/mart_sex_age.parquet")
                              + "') WHERE area_level = 'county' AND suppressed IS NOT NULL"
                              + " AND year BETWEEN 2020 AND 2025 AND sex_code::varchar IN ('1', '2')")
                      .get(0)
                      .get(0))
              .longValue();
    }
    int dashes = 0;
    try (InputStream in =
            Files.newInputStream(home.resolve("public/reports/final-2025/yearbook.xlsx"));
        XSSFWorkbook book = new XSSFWorkbook(in)) {
      for (Sheet sheet : book) {
        if (!sheet.getSheetName().startsWith("表")) {
          continue;
        }
        for (var r : sheet) {
          for (Cell cell : r) {
            if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals("—")) {
              dashes++;
            }
          }
        }
      }
    }
    assertThat(dashes).isEqualTo(suppressed);
  }

  private static JsonNode json(Path file) {
    return JsonMapper.builder().build().readTree(file.toFile());
  }
}
