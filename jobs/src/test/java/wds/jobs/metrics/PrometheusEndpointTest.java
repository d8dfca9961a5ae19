package wds.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.jobs.WdsHome;
import wds.jobs.schedule.NightlyLauncher;
import wds.jobs.schedule.ScheduleCommand;
import wds.jobs.schedule.TestJobs;
import wds.schemas.CountyClock;

/** The scheduler's Prometheus endpoint, scraped over HTTP as Prometheus would. */
class PrometheusEndpointTest {

  /** A sample line of the text format: name, optional labels, a value. */
  private static final String SAMPLE =
      "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"[^\"]*\",?)*\\})? \\S+";

  @TempDir Path root;

  @Test
  void theEndpoint_ServesPrometheusText_WithTheDomainMetrics() throws Exception {
    WdsHome home = new WdsHome(root).create();
    LocalDate today = CountyClock.today();
    Path snapshot = home.snapshots().resolve("wds-20250310T020000.duckdb");
    new Snapshots(snapshot)
        .delivery("health", today.minusDays(3), "loaded")
        .delivery("hr", today, "loaded")
        .indicators(4)
        .value("I1", today.getYear(), 12.5)
        .value("I2", today.getYear(), 80.0)
        .value("I3", today.getYear(), null) // no data: does not count
        .value("I4", today.getYear() - 1, 3.0); // last year: does not count
    Files.createSymbolicLink(home.snapshots().resolve("current.duckdb"), snapshot.getFileName());

    try (var context =
        ScheduleCommand.application(home, List.of())
            .sources(TestJobs.class)
            .run(
                "--wds.metrics.port=0",
                "--wds.schedule.job=recording",
                "--spring.main.banner-mode=off")) {
      // The loader's counters, as it registers them for a delivery of 10 rows, 2 rejected.
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      registry.counter("wds.rows.read", "source", "health", "extract", "births").increment(10);
      registry.counter("wds.rows.loaded", "source", "health", "extract", "births").increment(8);
      registry
          .counter(
              "wds.rows.rejected", "source", "health", "extract", "births", "reason", "BAD_CODE")
          .increment(2);
      context.getBean(NightlyLauncher.class).fire(Instant.now(), false);
      int port = context.getBean(PrometheusServer.class).port();

      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("text/plain; version=0.0.4; charset=utf-8");
      String body = response.body();
      assertThat(body.lines().filter(l -> !l.isBlank() && !l.startsWith("#")))
          .allMatch(l -> l.matches(SAMPLE), "sample lines of the Prometheus text format");
      assertThat(body)
          .contains("wds_rows_read_total{extract=\"births\",source=\"health\"} 10.0")
          .contains("wds_rows_loaded_total{extract=\"births\",source=\"health\"} 8.0")
          .contains(
              "wds_rows_rejected_total{extract=\"births\",reason=\"BAD_CODE\",source=\"health\"} 2.0")
          .contains("wds_delivery_lag_days{source=\"health\"} 3.0")
          .contains("wds_delivery_lag_days{source=\"hr\"} 0.0")
          .contains("wds_delivery_stale{source=\"health\"} 1.0")
          .contains("wds_delivery_stale{source=\"hr\"} 0.0")
          .contains("wds_delivery_stale{source=\"civil\"} 1.0")
          .contains("wds_indicators_with_value_ratio 0.5")
          .contains("spring_batch_job_seconds_count{");
      assertThat(body).doesNotContain("spring_batch_item_");
    }
  }
}
