package wds.jobs.serve;

import java.io.PrintWriter;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import wds.jobs.HomeOption;
import wds.jobs.OperatorException;
import wds.jobs.WdsHome;
import wds.warehouse.publish.Snapshots;

/**
 * The {@code wds benchmark-serve} command: the dashboard's server time for the overview and an
 * indicator page on a home's current snapshot, warm. It starts the dashboard on a free loopback
 * port with a one-off user of its own (the home's users are left alone), signs in, requests each
 * page once (the first request after start: the snapshot read, the page's data kept for the
 * snapshot), {@code --warmup} times unmeasured and then {@code --runs} times, and prints the first
 * time and the warm median, 90th percentile and slowest, from request to last byte on loopback,
 * with the CPU time per warm request (server and client share this JVM).
 */
@Command(
    name = "benchmark-serve",
    mixinStandardHelpOptions = true,
    description = "Measures the dashboard's server time for the overview and an indicator page.")
public final class BenchmarkServeCommand implements Callable<Integer> {

  @Mixin HomeOption home;

  @Option(names = "--runs", defaultValue = "100", description = "measured requests per page")
  int runs;

  @Option(
      names = "--warmup",
      defaultValue = "200",
      description = "unmeasured requests first (the JIT compiles the page's path meanwhile)")
  int warmup;

  @Option(names = "--indicator", defaultValue = "H02", description = "the indicator page timed")
  String indicator;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    WdsHome folders = home.home();
    if (new Snapshots(folders.snapshots()).current().isEmpty()) {
      throw new OperatorException(
          "no snapshot in " + folders.snapshots() + ": run wds demo or wds nightly first");
    }
    Path users = Files.createTempFile("wds-benchmark-users", "");
    String password = Base64.getUrlEncoder().encodeToString(SecureRandom.getSeed(18));
    new Users(users).put("benchmark", password.toCharArray());
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    ConfigurableApplicationContext context =
        WdsServeApplication.start(
            folders, "127.0.0.1", 0, Map.of("wds.serve.users-file", users.toString()));
    try {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      String base = "http://127.0.0.1:" + port;
      HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      signIn(client, base, password);
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          Locale.ROOT,
          "benchmark-serve: %s, %d warm-up and %d measured requests per page%n",
          new Snapshots(folders.snapshots()).current().orElseThrow().getFileName(),
          warmup,
          runs);
      for (String path : List.of("/", "/indicator/" + indicator)) {
        double first = once(client, base + path);
        long cpuBefore = processCpuNanos();
        List<Double> ms = time(client, base + path);
        double cpu = (processCpuNanos() - cpuBefore) / 1e6 / (warmup + runs);
        out.printf(
            Locale.ROOT,
            "  %-16s first %7.1f ms   warm: median %6.1f ms   p90 %6.1f ms   max %6.1f ms"
                + "   CPU %5.1f ms/request%n",
            path,
            first,
            quantile(ms, 0.5),
            quantile(ms, 0.9),
            ms.get(ms.size() - 1),
            cpu);
      }
      // what a request costs right after a nightly, before the new snapshot's pages are kept
      Dashboard dashboard = context.getBean(Dashboard.class);
      List<Double> overview = new ArrayList<>();
      List<Double> page = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        overview.add(
            dashboard.read(
                (c, years, name) -> {
                  long start = System.nanoTime();
                  Overview.read(c, years, Dashboard.year(null, years));
                  return (System.nanoTime() - start) / 1e6;
                }));
        page.add(
            dashboard.read(
                (c, years, name) -> {
                  long start = System.nanoTime();
                  IndicatorPage.read(
                      c, Dashboard.indicator(c, indicator), years, Dashboard.year(null, years));
                  return (System.nanoTime() - start) / 1e6;
                }));
      }
      overview.sort(null);
      page.sort(null);
      out.printf(
          Locale.ROOT,
          "  reading a new snapshot (warm JVM, median of 20): overview %.1f ms, indicator %.1f ms%n",
          quantile(overview, 0.5),
          quantile(page, 0.5));
      out.flush();
      return 0;
    } finally {
      context.close();
      Files.deleteIfExists(users);
    }
  }

  /** The first request of a page: the snapshot read and the page rendered for the first time. */
  private static double once(HttpClient client, String url) throws Exception {
    long start = System.nanoTime();
    HttpResponse<byte[]> response =
        client.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    check(response, url);
    return (System.nanoTime() - start) / 1e6;
  }

  private List<Double> time(HttpClient client, String url) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).GET().build();
    for (int i = 0; i < warmup; i++) {
      check(client.send(request, HttpResponse.BodyHandlers.ofByteArray()), url);
    }
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      ms.add((System.nanoTime() - start) / 1e6);
      check(response, url);
    }
    ms.sort(null);
    return ms;
  }

  private static void check(HttpResponse<?> response, String url) {
    if (response.statusCode() != 200) {
      throw new OperatorException(url + " answered " + response.statusCode());
    }
  }

  private static void signIn(HttpClient client, String base, String password) throws Exception {
    String login =
        client
            .send(
                HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
    if (!token.find()) {
      throw new OperatorException("the login page has no CSRF token");
    }
    String form =
        "username=benchmark&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf="
            + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String location = answer.headers().firstValue("Location").orElse("");
    if (answer.statusCode() != 302 || location.contains("error")) {
      throw new OperatorException("the benchmark could not sign in (" + location + ")");
    }
  }

  /**
   * The CPU time of this JVM, server and client together: on a shared machine the wall time counts
   * the other processes too, the CPU time does not.
   */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double quantile(List<Double> sorted, double q) {
    int index = (int) Math.ceil(q * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }
}
