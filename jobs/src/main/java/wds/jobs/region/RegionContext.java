package wds.jobs.region;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;
import wds.jobs.OperatorException;
import wds.jobs.WdsApplication;

/**
 * Starts the application for a region's manager or worker: the region's home, its job repository
 * (an H2 file in the region's home in local mode; the shared PostgreSQL of the region file in
 * remote mode) and, in remote mode, RabbitMQ.
 */
final class RegionContext {

  /** The broker's password; without it the user {@code guest} uses RabbitMQ's default. */
  static final String RABBITMQ_PASSWORD = "WDS_RABBITMQ_PASSWORD";

  /** The job repository's password, when its URL carries none. */
  static final String DB_PASSWORD = "WDS_DB_PASSWORD";

  private static final Pattern USER = Pattern.compile("[?&]user=([^&]+)");

  private RegionContext() {}

  static ConfigurableApplicationContext start(RegionFile region, String role) {
    return WdsApplication.start(region.home(), properties(region, role));
  }

  static Map<String, Object> properties(RegionFile region, String role) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("wds.region.file", region.file().toString());
    p.put("wds.region.mode", region.partitioning().mode());
    p.put("wds.region.role", role);
    if (region.partitioning().remote()) {
      String url = region.partitioning().jobRepository();
      p.put("wds.job-repository.url", url);
      Matcher user = USER.matcher(url);
      p.put("wds.job-repository.username", user.find() ? user.group(1) : "postgres");
      String dbPassword = System.getenv(DB_PASSWORD);
      p.put("wds.job-repository.password", dbPassword == null ? "" : dbPassword);
      URI broker = URI.create(region.partitioning().rabbitmq());
      if (broker.getHost() == null) {
        throw new OperatorException(
            "region file " + region.file() + ": rabbitmq is no address: " + broker);
      }
      String username = broker.getUserInfo() == null ? "guest" : broker.getUserInfo().split(":")[0];
      String password = System.getenv(RABBITMQ_PASSWORD);
      if (password == null) {
        if (!username.equals("guest")) {
          throw new OperatorException(
              "RabbitMQ user " + username + " needs its password in " + RABBITMQ_PASSWORD);
        }
        password = "guest";
      }
      p.put("spring.rabbitmq.host", broker.getHost());
      p.put("spring.rabbitmq.port", broker.getPort() < 0 ? 5672 : broker.getPort());
      p.put("spring.rabbitmq.username", username);
      p.put("spring.rabbitmq.password", password);
    }
    return p;
  }
}
