package wds.jobs.testsupport;

import com.rabbitmq.client.ConnectionFactory;
import java.net.URI;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * Where tests get a real RabbitMQ, as {@link DatabaseServers} gets database servers: a
 * Testcontainers container where a Docker engine runs; else the broker named by {@code
 * WDS_TEST_RABBITMQ_URL} ({@code amqp://user:password@host:port}); else the local broker at
 * 127.0.0.1:5672 (guest/guest) where it answers ({@code .ci/run} starts it). With none of them the
 * test fails, saying what is missing; it never skips.
 */
public final class RabbitMqServers {

  /** The broker's address as a region file names it, and its password apart. */
  public record Broker(String address, String password) {}

  public static final String VARIABLE = "WDS_TEST_RABBITMQ_URL";
  private static final String LOCAL = "amqp://guest:guest@127.0.0.1:5672";

  private static Broker broker;

  private RabbitMqServers() {}

  /** The broker for this test run, started or found once. */
  public static synchronized Broker broker() {
    if (broker == null) {
      broker = find();
    }
    return broker;
  }

  private static Broker find() {
    if (!"false".equalsIgnoreCase(System.getProperty("wds.test.docker"))
        && DockerClientFactory.instance().isDockerAvailable()) {
      GenericContainer<?> container =
          new GenericContainer<>("rabbitmq:4-alpine").withExposedPorts(5672);
      container.start();
      return answering(
          "amqp://guest:guest@" + container.getHost() + ":" + container.getMappedPort(5672),
          "the Testcontainers broker");
    }
    String url = System.getenv(VARIABLE);
    if (url != null && !url.isBlank()) {
      return answering(url, VARIABLE + "=" + url.replaceAll(":[^:@/]*@", ":***@"));
    }
    return answering(
        LOCAL, "the local RabbitMQ at 127.0.0.1:5672 (no Docker engine, no " + VARIABLE + ")");
  }

  private static Broker answering(String url, String what) {
    URI uri = URI.create(url);
    String[] user =
        uri.getUserInfo() == null
            ? new String[] {"guest", "guest"}
            : uri.getUserInfo().split(":", 2);
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(uri.getHost());
    factory.setPort(uri.getPort() < 0 ? 5672 : uri.getPort());
    factory.setUsername(user[0]);
    factory.setPassword(user.length > 1 ? user[1] : "guest");
    try (var connection = factory.newConnection()) {
      return new Broker(
          "amqp://" + user[0] + "@" + factory.getHost() + ":" + factory.getPort(),
          factory.getPassword());
    } catch (Exception e) {
      throw new AssertionError(
          "RabbitMQ for tests: "
              + what
              + " does not answer ("
              + e
              + "). Start it (.ci/run starts the local one) or set "
              + VARIABLE
              + ".");
    }
  }
}
