package wds.jobs.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The Prometheus endpoint of {@code wds schedule}: {@code GET /metrics} on the configured port, in
 * the Prometheus text format. It is the JDK's own HTTP server serving {@link
 * PrometheusMeterRegistry#scrape()}: one read-only path needs no servlet container, and the
 * scheduler stays a plain process with nothing else listening.
 */
public class PrometheusServer implements SmartLifecycle {

  /** The content type of the Prometheus text exposition format. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final Logger log = LoggerFactory.getLogger(PrometheusServer.class);

  private final PrometheusMeterRegistry registry;
  private final WarehouseGauges gauges;
  private final MetricsProperties settings;
  private HttpServer server;

  public PrometheusServer(
      PrometheusMeterRegistry registry, WarehouseGauges gauges, MetricsProperties settings) {
    this.registry = registry;
    this.gauges = gauges;
    this.settings = settings;
  }

  @Override
  public synchronized void start() {
    try {
      server = HttpServer.create(new InetSocketAddress(settings.address(), settings.port()), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen for metrics on " + settings.address() + ":" + settings.port(), e);
    }
    server.createContext("/metrics", this::scrape);
    server.start();
    log.info("metrics: Prometheus endpoint on http://{}:{}/metrics", settings.address(), port());
  }

  private void scrape(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      gauges.refreshIfOlder();
      byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The port listened on (the real one when configured as 0). */
  public synchronized int port() {
    return server.getAddress().getPort();
  }

  @Override
  public synchronized void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return server != null;
  }
}
