package wds.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * report.html opened in a real headless Chromium (Debian's {@code chromium} and {@code
 * chromium-driver}, nothing downloaded): no console error, every chart drawn, printed to PDF on A4.
 * Without the browser the test fails, never skips.
 */
class ReportHtmlBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir static Path out;
  static ChromeDriver browser;
  static Path html;

  @BeforeAll
  static void writeTheAnnualReportAndOpenItInChromium() throws Exception {
    assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium)").isExecutable();
    assertThat(CHROMEDRIVER)
        .as("Debian's chromium-driver (apt-get install chromium-driver)")
        .isExecutable();
    Path home = PublishedCounty.home();
    PublishedCounty.Run run =
        PublishedCounty.wds(
            "report", "--home", home.toString(), "--year", "2024", "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    html = out.resolve("annual-2024/report.html");

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    browser.get(html.toUri().toString());
  }

  @AfterAll
  static void closeTheBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void reportHtml_IsSelfContained_AndOpensWithoutAConsoleError() throws Exception {
    String text = Files.readString(html);
    // nothing fetched: no script, stylesheet, image or font from anywhere (SVG's xmlns is a name)
    assertThat(text).doesNotContain("<script", "<link ", "<img", "@import");
    assertThat(text)
        .doesNotContainPattern("(src|href)=['\"]?(https?:|//)")
        .doesNotContainPattern("url\\(['\"]?(https?:|//|file:)");
    List<LogEntry> errors =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
            .toList();
    assertThat(errors).isEmpty();
    assertThat(browser.getTitle()).contains("年度统计监测报告");
    assertThat(browser.findElement(By.id("attainment-sentence")).getText()).startsWith("在可监测的");
  }

  @Test
  void reportHtml_DrawsEveryChart() {
    List<WebElement> charts = browser.findElements(By.cssSelector("figure.chart"));
    assertThat(charts).as("charts in the report").hasSizeGreaterThan(20);
    JavascriptExecutor js = browser;
    for (WebElement chart : charts) {
      @SuppressWarnings("unchecked")
      Map<String, Object> drawn =
          (Map<String, Object>)
              js.executeScript(
                  "const svg = arguments[0].querySelector('svg');"
                      + "if (!svg) return {width: 0, height: 0, marks: 0};"
                      + "const box = svg.getBoundingClientRect();"
                      + "return {width: box.width, height: box.height,"
                      + " marks: svg.querySelectorAll('path, line, polyline, rect').length,"
                      + " text: svg.querySelectorAll('text').length};",
                  chart);
      String name = chart.getAttribute("data-chart");
      assertThat(((Number) drawn.get("width")).doubleValue()).as("%s width", name).isPositive();
      assertThat(((Number) drawn.get("height")).doubleValue()).as("%s height", name).isPositive();
      assertThat(((Number) drawn.get("marks")).intValue()).as("%s marks", name).isGreaterThan(5);
      assertThat(((Number) drawn.get("text")).intValue()).as("%s axis labels", name).isPositive();
    }
    List<String> kinds =
        charts.stream()
            .map(c -> c.getAttribute("data-chart").replaceFirst("-.*", ""))
            .distinct()
            .toList();
    assertThat(kinds).contains("trend", "residence", "sex", "townships");
  }

  @Test
  void reportHtml_PrintsToPdfOnA4() {
    // Chromium's own print (DevTools Page.printToPDF, the page's @page rule: A4): WebDriver's
    // print command gives the renderer 10 s, which a loaded 2-core machine can exceed
    Map<String, Object> pdf =
        browser.executeCdpCommand(
            "Page.printToPDF", Map.of("preferCSSPageSize", true, "printBackground", true));
    byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
    assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    String raw = new String(bytes, StandardCharsets.ISO_8859_1);
    long pages = Pattern.compile("/Type\\s*/Page[^s]").matcher(raw).results().count();
    assertThat(pages).as("A4 pages printed").isGreaterThan(10);
    Matcher box = Pattern.compile("/MediaBox\\s*\\[\\s*0 0 ([0-9.]+) ([0-9.]+)").matcher(raw);
    assertThat(box.find()).as("a page size in the PDF").isTrue();
    // A4 is 595 x 842 points
    assertThat(Double.parseDouble(box.group(1)))
        .isCloseTo(595.0, org.assertj.core.data.Offset.offset(2.0));
    assertThat(Double.parseDouble(box.group(2)))
        .isCloseTo(842.0, org.assertj.core.data.Offset.offset(2.0));
  }
}
