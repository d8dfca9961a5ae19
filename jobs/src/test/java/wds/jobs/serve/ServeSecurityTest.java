package wds.jobs.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import wds.jobs.WdsCli;

/**
 * Who sees what: every internal URL wants a login, wrong passwords are refused and counted, the
 * public view holds nothing the public feed withholds, and no response carries an identity number
 * or a person key.
 */
class ServeSecurityTest {

  /** Every internal page and API the dashboard serves. */
  static final List<String> INTERNAL =
      List.of(
          "/",
          "/indicator/H01",
          "/township/652323100000",
          "/warnings",
          "/warnings/rows",
          "/data",
          "/downloads",
          "/downloads/lake?file=dim_area/part-0.parquet",
          "/api/indicators",
          "/api/warnings");

  /** An 18-digit identity number (17 digits and a digit or X). */
  static final Pattern IDENTITY = Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])");

  static ServedCounty county;
  static MockMvc mvc;

  @BeforeAll
  static void serveAGeneratedCounty() throws Exception {
    county = ServedCounty.get();
    mvc =
        MockMvcBuilders.webAppContextSetup((WebApplicationContext) county.context)
            .apply(springSecurity())
            .build();
  }

  @Test
  void everyInternalUrl_WithoutASession_RedirectsToTheLogin() throws Exception {
    for (String url : INTERNAL) {
      MvcResult result = mvc.perform(get(url)).andReturn();
      assertThat(result.getResponse().getStatus()).as(url).isEqualTo(302);
      assertThat(result.getResponse().getRedirectedUrl()).as(url).endsWith("/login");
    }
  }

  @Test
  void theRightPassword_LogsIn_AndAWrongOne_IsRefusedAndCounted() throws Exception {
    LoginThrottle throttle = county.context.getBean(LoginThrottle.class);
    String name = "bob";
    Users.of(county.home.state()).put(name, "bob-s-password-1".toCharArray());
    MvcResult wrong =
        mvc.perform(post("/login").param("username", name).param("password", "guess").with(csrf()))
            .andReturn();
    assertThat(wrong.getResponse().getRedirectedUrl()).endsWith("/login?error");
    assertThat(throttle.failures(name)).isEqualTo(1);
    mvc.perform(post("/login").param("username", name).param("password", "guess2").with(csrf()));
    assertThat(throttle.failures(name)).isEqualTo(2);
    // the third failure in a row pauses the name: even the right password waits
    mvc.perform(post("/login").param("username", name).param("password", "guess3").with(csrf()));
    MvcResult paused =
        mvc.perform(
                post("/login")
                    .param("username", name)
                    .param("password", "bob-s-password-1")
                    .with(csrf()))
            .andReturn();
    assertThat(paused.getResponse().getRedirectedUrl()).endsWith("/login?paused");

    MvcResult right =
        mvc.perform(
                post("/login")
                    .param("username", ServedCounty.USER)
                    .param("password", ServedCounty.PASSWORD)
                    .with(csrf()))
            .andReturn();
    assertThat(right.getResponse().getRedirectedUrl()).isEqualTo("/");
    MockHttpSession session = (MockHttpSession) right.getRequest().getSession(false);
    assertThat(mvc.perform(get("/").session(session)).andReturn().getResponse().getStatus())
        .isEqualTo(200);
  }

  @Test
  void anIdentityNumberTypedAsAUserName_NeverReachesTheLog() throws Exception {
    String number = "652323199001011234";
    wds.jobs.WdsLogging.toHome(county.home); // other tests of this JVM log to homes of their own
    mvc.perform(post("/login").param("username", number).param("password", "x").with(csrf()));
    String log = Files.readString(county.home.logs().resolve("wds.log"), StandardCharsets.UTF_8);
    assertThat(log).contains("login failed for user (withheld: an identity number)");
    assertThat(log).doesNotContain(number);
  }

  @Test
  void formsWithoutTheCsrfToken_AreRefused() throws Exception {
    MvcResult result =
        mvc.perform(
                post("/login")
                    .param("username", ServedCounty.USER)
                    .param("password", ServedCounty.PASSWORD))
            .andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(403);
  }

  @Test
  void thePublicApi_HoldsNoWithheldValue_AndNoTownshipNumeratorOrCountOf1To4() throws Exception {
    String body =
        mvc.perform(get("/api/public/indicators")).andReturn().getResponse().getContentAsString();
    JsonNode rows = JsonMapper.builder().build().readTree(body).path("rows");
    assertThat(rows.size()).isPositive();
    int withheld = 0;
    for (JsonNode row : rows) {
      boolean township = !row.path("area_code").asString().equals("652323000000");
      if (!row.path("suppressed").isNull()) {
        withheld++;
        assertThat(row.path("value").isNull()).as(row.toString()).isTrue();
        assertThat(row.path("status").isNull()).as(row.toString()).isTrue();
      }
      if (township) {
        for (String column : List.of("numerator", "denominator")) {
          if (!row.path(column).isNull()) {
            double n = row.path(column).asDouble();
            assertThat(n >= 1 && n <= 4).as(column + " of " + row).isFalse();
          }
        }
      }
    }
    assertThat(withheld).as("withheld rows in the feed of a small county").isPositive();
  }

  @Test
  void thePublicPage_ShowsWithheldCellsAsADash_AndNeverTheirInternalValue() throws Exception {
    // a township row the feed withholds, and its value in the internal snapshot
    String area;
    String code;
    int year;
    Path feed = county.home.publicFeed().resolve("indicator_value.parquet").toRealPath();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select area_code, indicator_code, year from read_parquet('"
                        + feed
                        + "') where suppressed is not null and sex = '0' and residence = 'all'"
                        + " order by year desc, area_code limit 1")) {
      assertThat(rs.next()).as("a withheld township row").isTrue();
      area = rs.getString(1);
      code = rs.getString(2);
      year = rs.getInt(3);
    }
    String html =
        mvc.perform(get("/public?year=" + year + "&area=" + area))
            .andReturn()
            .getResponse()
            .getContentAsString();
    int at = html.indexOf(code + " ");
    assertThat(at).isPositive();
    String row = html.substring(at, html.indexOf("</tr>", at));
    assertThat(row).contains("—").contains("<sup>*</sup>");
  }

  @Test
  void noResponse_CarriesAnIdentityNumberOrAPersonKey() throws Exception {
    List<String> urls = new ArrayList<>(INTERNAL);
    urls.addAll(
        List.of(
            "/public",
            "/api/public/indicators",
            "/api/indicators?year=2024",
            "/warnings/rows?year=2024",
            "/indicator/H02",
            "/indicator/S01"));
    for (String url : urls) {
      String body =
          mvc.perform(get(url).with(user(ServedCounty.USER)))
              .andReturn()
              .getResponse()
              .getContentAsString(StandardCharsets.UTF_8);
      assertThat(IDENTITY.matcher(body).find()).as("an identity number in " + url).isFalse();
      assertThat(body).as(url).doesNotContain("person_key");
    }
  }

  @Test
  void bindingBeyondThisMachine_WithoutAnyUser_IsRefusedInOneLine(@TempDir Path tmp)
      throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine cli = WdsCli.commandLine();
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    int code =
        cli.execute(
            "serve", "--home", tmp.resolve("home").toString(), "--bind", "0.0.0.0", "--port", "0");
    String text = err.toString(StandardCharsets.UTF_8);
    assertThat(code).isEqualTo(1);
    assertThat(text.strip().lines()).hasSize(1);
    assertThat(text)
        .contains("refusing to serve on 0.0.0.0 without any user")
        .contains("wds user add");
  }

  @Test
  void userAdd_KeepsOnlyABcryptHash_InAFileOnlyTheOperatorReads(@TempDir Path tmp)
      throws Exception {
    var in = System.in;
    try {
      System.setIn(
          new java.io.ByteArrayInputStream("a-long-password\n".getBytes(StandardCharsets.UTF_8)));
      int code =
          WdsCli.commandLine()
              .execute("user", "add", "carol", "--home", tmp.resolve("home").toString());
      assertThat(code).isZero();
    } finally {
      System.setIn(in);
    }
    Path file = tmp.resolve("home/state/users");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    String text = Files.readString(file);
    assertThat(text).startsWith("carol:$2a$12$").doesNotContain("a-long-password");
    assertThat(
            WdsCli.commandLine()
                .execute("user", "remove", "carol", "--home", tmp.resolve("home").toString()))
        .isZero();
    assertThat(Files.readString(file)).doesNotContain("carol");
  }
}
