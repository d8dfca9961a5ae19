package wds.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code wds report} on a generated, published county: report.json states the snapshot's {@code
 * indicator_value} number by number, and its attainment counts are the statuses' counts.
 */
class ReportJsonTest {

  static final String COUNTY = "652323000000";

  @TempDir static Path out;
  static JsonNode finalReport;
  static JsonNode midterm;

  @BeforeAll
  static void writeTheFinalAndTheMidTermReports() throws Exception {
    Path home = PublishedCounty.home();
    PublishedCounty.Run run =
        PublishedCounty.wds("report", "--home", home.toString(), "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    PublishedCounty.Run mid =
        PublishedCounty.wds(
            "report", "--home", home.toString(), "--year", "2023", "--out", out.toString());
    assertThat(mid.exitCode()).as(mid.err()).isZero();
    finalReport =
        JsonMapper.builder().build().readTree(out.resolve("final-2025/report.json").toFile());
    midterm =
        JsonMapper.builder().build().readTree(out.resolve("midterm-2023/report.json").toFile());
  }

  @Test
  void report_ByDefault_IsTheFinalReportOfTheLatestCompleteYear() {
    assertThat(finalReport.path("kind").asString()).isEqualTo("final");
    assertThat(finalReport.path("year").asInt()).isEqualTo(2025);
    assertThat(finalReport.path("public").asBoolean()).isFalse();
    assertThat(midterm.path("kind").asString()).isEqualTo("midterm");
  }

  @Test
  void reportJson_AgreesWithIndicatorValue_NumberByNumber() throws Exception {
    for (JsonNode report : List.of(finalReport, midterm)) {
      Map<String, List<Object>> snapshot = new HashMap<>();
      try (Connection c = PublishedCounty.snapshot()) {
        for (List<Object> r :
            PublishedCounty.query(
                c,
                "SELECT indicator_code, year, area_code, residence, sex::varchar,"
                    + " value, ci_low, ci_high, status, provisional FROM snap.indicator_value")) {
          snapshot.put(
              r.get(0) + "|" + r.get(1) + "|" + r.get(2) + "|" + r.get(3) + "|" + r.get(4), r);
        }
      }
      JsonNode rows = report.path("indicators");
      assertThat(rows.size()).as("rows the report states").isGreaterThan(500);
      for (JsonNode row : rows) {
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
        List<Object> expected = snapshot.get(key);
        assertThat(expected).as("snapshot row of %s", key).isNotNull();
        assertThat(number(row.path("value"))).as("value of %s", key).isEqualTo(expected.get(5));
        assertThat(number(row.path("ci_low"))).as("ci_low of %s", key).isEqualTo(expected.get(6));
        assertThat(number(row.path("ci_high"))).as("ci_high of %s", key).isEqualTo(expected.get(7));
        assertThat(row.path("status").asString())
            .as("status of %s", key)
            .isEqualTo(expected.get(8));
        assertThat(row.path("provisional").asBoolean()).isEqualTo(expected.get(9));
      }
    }
  }

  @Test
  void reportJson_AttainmentCounts_AgreeWithTheStatusesOfTheCountyRows() throws Exception {
    for (JsonNode report : List.of(finalReport, midterm)) {
      int year = report.path("year").asInt();
      Map<String, Integer> byStatus = new HashMap<>();
      Map<String, Map<String, Integer>> byDomain = new HashMap<>();
      try (Connection c = PublishedCounty.snapshot()) {
        for (List<Object> r :
            PublishedCounty.query(
                c,
                "SELECT i.domain, coalesce(v.status, 'no_data') FROM snap.indicator i"
                    + " LEFT JOIN snap.indicator_value v ON v.indicator_code = i.code AND v.year = "
                    + year
                    + " AND v.area_code = '"
                    + COUNTY
                    + "' AND v.residence = 'all' AND v.sex::varchar = '0'")) {
          byStatus.merge((String) r.get(1), 1, Integer::sum);
          byDomain
              .computeIfAbsent((String) r.get(0), d -> new HashMap<>())
              .merge((String) r.get(1), 1, Integer::sum);
        }
      }
      JsonNode a = report.path("attainment");
      assertThat(a.path("met").asInt()).isEqualTo(byStatus.getOrDefault("met", 0));
      assertThat(a.path("not_met").asInt()).isEqualTo(byStatus.getOrDefault("not_met", 0));
      assertThat(a.path("no_data").asInt()).isEqualTo(byStatus.getOrDefault("no_data", 0));
      assertThat(a.path("no_target").asInt()).isEqualTo(byStatus.getOrDefault("no_target", 0));
      int monitorable = byStatus.getOrDefault("met", 0) + byStatus.getOrDefault("not_met", 0);
      assertThat(a.path("monitorable").asInt()).isEqualTo(monitorable);
      assertThat(a.path("rate").asDouble())
          .isEqualTo(byStatus.getOrDefault("met", 0) * 100.0 / monitorable);
      for (JsonNode d : a.path("domains")) {
        Map<String, Integer> counts = byDomain.getOrDefault(d.path("domain").asString(), Map.of());
        assertThat(d.path("met").asInt())
            .as(d.path("domain").asString())
            .isEqualTo(counts.getOrDefault("met", 0));
        assertThat(d.path("not_met").asInt()).isEqualTo(counts.getOrDefault("not_met", 0));
        assertThat(d.path("no_data").asInt()).isEqualTo(counts.getOrDefault("no_data", 0));
        assertThat(d.path("no_target").asInt()).isEqualTo(counts.getOrDefault("no_target", 0));
      }
    }
  }

  @Test
  void reportJson_DigestEntries_AreOnePerIndicatorAndNameOnlyTownships() throws Exception {
    JsonNode digest = finalReport.path("digest");
    assertThat(digest.size()).isPositive();
    java.util.Set<String> codes = new java.util.HashSet<>();
    for (JsonNode e : digest) {
      assertThat(codes.add(e.path("indicator_code").asString())).isTrue();
      for (JsonNode area : e.path("areas")) {
        assertThat(area.asString()).isNotEqualTo(COUNTY).hasSize(COUNTY.length());
      }
    }
  }

  @Test
  void report_OnBadRequests_SaysOneLineAndWritesNothing(@TempDir Path elsewhere) throws Exception {
    Path home = PublishedCounty.home();
    Path target = elsewhere.resolve("reports");
    for (String[] args :
        List.of(
            new String[] {"--year", "2019"},
            new String[] {"--year", "2031"},
            new String[] {"--year", "2024", "--kind", "final"},
            new String[] {"--kind", "weekly"})) {
      List<String> line =
          new java.util.ArrayList<>(
              List.of("report", "--home", home.toString(), "--out", target.toString()));
      line.addAll(List.of(args));
      PublishedCounty.Run run = PublishedCounty.wds(line.toArray(String[]::new));
      assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(1);
      assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
      assertThat(run.err())
          .startsWith("wds report: ")
          .doesNotContain("Exception")
          .doesNotContain("\tat ");
    }
    assertThat(target).doesNotExist();

    Path file = Files.writeString(elsewhere.resolve("a-file"), "x");
    PublishedCounty.Run unwritable =
        PublishedCounty.wds(
            "report", "--home", home.toString(), "--out", file.resolve("sub").toString());
    assertThat(unwritable.exitCode()).isEqualTo(1);
    assertThat(unwritable.err()).startsWith("wds report: cannot write the report into");

    Path empty = elsewhere.resolve("empty-home");
    PublishedCounty.Run none =
        PublishedCounty.wds("report", "--home", empty.toString(), "--out", target.toString());
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.err()).startsWith("wds report: no snapshot yet in");
    assertThat(target).doesNotExist();
  }

  private static Object number(JsonNode node) {
    return node.isNull() || node.isMissingNode() ? null : node.asDouble();
  }
}
