package wds.jobs.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import wds.jobs.WdsHome;
import wds.warehouse.publish.Snapshots;
import wds.warehouse.report.AttainmentTable;
import wds.warehouse.report.ReportYears;
import wds.warehouse.report.WarningDigest;

/**
 * The dashboard's controllers through MockMvc on a generated county published by the nightly job:
 * what each page and the API show, and the answers in words to bad requests.
 */
class ServeControllerTest {

  static ServedCounty county;
  static MockMvc mvc;
  static ReportYears years;
  static int year;

  @BeforeAll
  static void serveAGeneratedCounty() throws Exception {
    county = ServedCounty.get();
    mvc =
        MockMvcBuilders.webAppContextSetup((WebApplicationContext) county.context)
            .apply(springSecurity())
            .build();
    try (Connection c = new Snapshots(county.home.snapshots()).openCurrent()) {
      years = ReportYears.read(c);
      year = years.latestCompleteYear().getAsInt();
    }
  }

  static MvcResult as(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(user(ServedCounty.USER).roles("STAFF"))).andReturn();
  }

  static String page(String path) throws Exception {
    MvcResult result = as(get(path));
    assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
    return result.getResponse().getContentAsString();
  }

  @Test
  void overview_ShowsTheAttainmentOfTheLatestCompleteYear_AsTheReportsCountIt() throws Exception {
    AttainmentTable attainment;
    try (Connection c = new Snapshots(county.home.snapshots()).openCurrent()) {
      attainment = AttainmentTable.read(c, year);
    }
    String html = page("/");
    assertThat(html).contains("总览 <span>" + year + "年</span>");
    assertThat(html).contains(attainment.county().sentence());
    for (var domain : attainment.domains()) {
      assertThat(html).contains(domain.title());
    }
    assertThat(html).contains("/indicator/H01").contains("<svg class=\"spark\"");
  }

  @Test
  void indicatorPage_ShowsTrendTownshipsDefinitionAndWarnings() throws Exception {
    String html = page("/indicator/H02?year=" + year);
    assertThat(html)
        .contains("孕产妇系统管理率")
        .contains("id=\"trend-chart\"")
        .contains("id=\"township-chart\"")
        .contains("定义")
        .contains("原始预警记录");
    // by sex: women against men
    assertThat(page("/indicator/" + county.bySexIndicator())).contains("id=\"sex-chart\"");
  }

  @Test
  void townshipPage_ShowsEveryIndicatorAgainstTheCounty() throws Exception {
    String code = county.township();
    String html = page("/township/" + code);
    assertThat(html).contains("各项指标与全县对比").contains("/indicator/H01").contains("/indicator/L01");
  }

  @Test
  void warnings_ShowTheRankedDigest_FilteredByKind() throws Exception {
    WarningDigest digest;
    try (Connection c = new Snapshots(county.home.snapshots()).openCurrent()) {
      digest = WarningDigest.read(c, year);
    }
    String html = page("/warnings");
    assertThat(digest.entries()).isNotEmpty();
    assertThat(html).contains(escape(digest.entries().get(0).text()));
    assertThat(html).contains("<span class=\"kind\">未达标</span>");
    String notMet = page("/warnings?kind=not_met");
    for (var entry : digest.entries()) {
      if (!entry.kinds().contains("not_met")) {
        assertThat(notMet).doesNotContain(escape(entry.text()));
      }
    }
    assertThat(page("/warnings/rows?indicator=" + digest.entries().get(0).indicatorCode()))
        .contains(digest.entries().get(0).indicatorCode());
  }

  @Test
  void publicPage_NamesTheCountyAndItsTownships_FromTheLake() throws Exception {
    String township = county.township();
    String name;
    try (Connection c = new Snapshots(county.home.snapshots()).openCurrent();
        var rs =
            c.createStatement()
                .executeQuery(
                    "select area_name from dim_area where area_code = '" + township + "'")) {
      rs.next();
      name = rs.getString(1);
    }
    String html = mvc.perform(get("/public")).andReturn().getResponse().getContentAsString();
    assertThat(html).contains(">" + name + "</option>").contains("<td>H01 孕产妇死亡率</td>");
  }

  @Test
  void dataPage_ShowsDeliveriesFreshnessAndTheNextRun() throws Exception {
    String html = page("/data");
    assertThat(html).contains("最近30晚的报送").contains("health").contains("数据新鲜度").contains("夜间任务下次运行");
  }

  @Test
  void downloads_ListTheReportsTheFeedAndTheLake() throws Exception {
    String html = page("/downloads");
    // the nightly wrote the reports of the current snapshot: listed, and each one downloads
    assertThat(html).doesNotContain("还没有报告").contains("indicator_value.csv").contains("dim_area/");
    java.util.regex.Matcher report =
        java.util.regex.Pattern.compile("/downloads/report\\?file=([^\"&]+report\\.html)")
            .matcher(html);
    assertThat(report.find()).as("a report.html listed in%n%s", html).isTrue();
    String path =
        java.net.URLDecoder.decode(
            report.group(1).replace("&amp;", "&"), java.nio.charset.StandardCharsets.UTF_8);
    MvcResult download = as(get("/downloads/report").param("file", path));
    assertThat(download.getResponse().getStatus()).isEqualTo(200);
    assertThat(download.getResponse().getContentAsByteArray()).isNotEmpty();
    MvcResult file = as(get("/public/feed?file=indicator_value.csv"));
    assertThat(file.getResponse().getStatus()).isEqualTo(200);
    assertThat(as(get("/downloads/lake?file=../state/users")).getResponse().getStatus())
        .isEqualTo(404);
  }

  @Test
  void api_Indicators_FiltersByYearAreaSexAndResidence() throws Exception {
    MvcResult result =
        as(get("/api/indicators?year=" + year + "&area=652323000000&sex=2&residence=all"));
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    JsonNode rows =
        JsonMapper.builder()
            .build()
            .readTree(result.getResponse().getContentAsString())
            .path("rows");
    assertThat(rows.size()).isPositive();
    for (JsonNode row : rows) {
      assertThat(row.path("year").asInt()).isEqualTo(year);
      assertThat(row.path("area_code").asString()).isEqualTo("652323000000");
      assertThat(row.path("sex").asString()).isEqualTo("2");
      assertThat(row.path("residence").asString()).isEqualTo("all");
    }
    MvcResult warnings = as(get("/api/warnings?kind=not_met"));
    assertThat(warnings.getResponse().getContentAsString()).contains("\"kind\":\"not_met\"");
  }

  @Test
  void badRequests_AreAnsweredInWords_WithoutAStackTrace() throws Exception {
    assertWords(as(get("/indicator/NOPE")), 404, "没有指标 NOPE");
    assertWords(as(get("/township/999")), 404, "没有乡镇 999");
    assertWords(as(get("/indicator/H01?year=1999")), 400, "不在快照的数据范围内");
    assertWords(as(get("/indicator/H01?year=abc")), 400, "参数 year 的格式不对");
    assertWords(as(get("/api/indicators?sex=9")), 400, "sex 只能是");
    assertWords(as(get("/api/indicators?year=abc")), 400, "参数 year 的格式不对");
    assertWords(as(get("/no/such/page")), 404, "没有这个页面");
  }

  @Test
  void noSnapshotYet_APageSaysHowToRunTheFirstLoad(@TempDir Path empty) throws Exception {
    WdsHome home = new WdsHome(empty.resolve("home")).create();
    assertThat(Files.exists(home.snapshots().resolve("current.duckdb"))).isFalse();
    ConfigurableApplicationContext context =
        WdsServeApplication.start(home, "127.0.0.1", 0, Map.of());
    try {
      MockMvc fresh =
          MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
              .apply(springSecurity())
              .build();
      MvcResult result = fresh.perform(get("/").with(user("x"))).andReturn();
      assertThat(result.getResponse().getStatus()).isEqualTo(503);
      assertThat(result.getResponse().getContentAsString())
          .contains("尚未发布数据快照")
          .contains("wds nightly");
    } finally {
      context.close();
    }
  }

  static void assertWords(MvcResult result, int status, String words) throws Exception {
    String body = result.getResponse().getContentAsString();
    assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
    assertThat(body).contains(words).doesNotContain("Exception").doesNotContain("\tat ");
  }

  static String escape(String text) {
    return org.springframework.web.util.HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
