package wds.jobs.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromedriver, nothing
 * downloaded): a person logs in, opens every page, each renders with no console error and its
 * charts drawn, and a screenshot of each is saved under {@code target/serve-screenshots/}. Without
 * the browser this test fails: it never skips.
 */
class ServeBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SHOTS = Path.of("target", "serve-screenshots");

  static ServedCounty county;
  static WebDriver browser;

  @BeforeAll
  static void startTheBrowser() throws Exception {
    assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium)").isExecutable();
    assertThat(CHROMEDRIVER)
        .as("Debian's chromedriver (apt-get install chromium-driver)")
        .isExecutable();
    county = ServedCounty.get();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--lang=zh-CN");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    browser.manage().window().setSize(new Dimension(1280, 900));
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stopTheBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aPersonLogsIn_AndEveryPageRenders_WithItsChartsDrawn_AndNoConsoleError() throws Exception {
    browser.get(county.url("/"));
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    browser.findElement(By.name("username")).sendKeys(ServedCounty.USER);
    browser.findElement(By.name("password")).sendKeys(ServedCounty.PASSWORD);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> !d.getCurrentUrl().contains("/login"));
    // Spring Security returns to the page first asked for (with its "?continue" marker)
    assertThat(browser.getCurrentUrl()).startsWith(county.url("/"));
    errorsSince(); // the login page's log

    Map<String, List<String>> pages =
        Map.of(
            "overview", List.of("/", "attainment-chart"),
            "indicator", List.of("/indicator/H02", "trend-chart", "township-chart"),
            "indicator-by-sex",
                List.of("/indicator/" + county.bySexIndicator(), "trend-chart", "sex-chart"),
            "township", List.of("/township/" + county.township()),
            "warnings", List.of("/warnings"),
            "warning-rows", List.of("/warnings/rows?indicator=H02"),
            "data", List.of("/data"),
            "downloads", List.of("/downloads"),
            "public", List.of("/public"));
    for (var page : pages.entrySet()) {
      String name = page.getKey();
      browser.get(county.url(page.getValue().get(0)));
      assertThat(browser.getTitle()).as(name).contains("呼图壁县妇女发展监测");
      for (String chart : page.getValue().subList(1, page.getValue().size())) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> drawn(chart) > 0);
        assertThat(drawn(chart)).as(name + ": shapes drawn in #" + chart).isGreaterThan(3);
      }
      shot(name);
      assertThat(errorsSince()).as(name + ": console errors").isEmpty();
    }
    // the overview's sparklines are SVG drawn by the server
    browser.get(county.url("/"));
    assertThat(browser.findElements(By.cssSelector("svg.spark path"))).isNotEmpty();
    // a phone's width: still one page, tables scroll inside their cards
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.get(county.url("/"));
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> drawn("attainment-chart") > 3);
    shot("overview-phone");
    Object overflow =
        ((JavascriptExecutor) browser)
            .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
    assertThat(overflow).as("the overview scrolls sideways on a phone").isEqualTo(false);
    browser.manage().window().setSize(new Dimension(1280, 900));
  }

  /** Elements ECharts drew into the chart's SVG. */
  static long drawn(String chartId) {
    Object n =
        ((JavascriptExecutor) browser)
            .executeScript(
                "var s = document.querySelector('#' + arguments[0] + ' svg');"
                    + " return s ? s.querySelectorAll('path, rect, circle, text').length : 0;",
                chartId);
    return ((Number) n).longValue();
  }

  static List<String> errorsSince() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  static void shot(String name) throws Exception {
    File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(file.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
