package wds.jobs.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import wds.jobs.WdsHome;
import wds.jobs.WdsLogging;

/**
 * The dashboard's own Spring Boot application ({@code wds serve}): a servlet web server with Spring
 * MVC, Thymeleaf and Spring Security over the published snapshot, and nothing of the batch side —
 * no job repository, no data source, no Flyway, no Quartz. The batch application ({@code
 * WdsApplication}) never scans this package, so no other command starts a web server.
 */
@SpringBootApplication(
    excludeName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
      "org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration",
      "org.springframework.boot.batch.autoconfigure.BatchJobLauncherAutoConfiguration",
      "org.springframework.boot.batch.autoconfigure.observation.BatchObservationAutoConfiguration",
      "org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration",
      "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
      "org.springframework.boot.flyway.autoconfigure.FlywayEndpointAutoConfiguration",
      "org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration",
      "org.springframework.boot.quartz.autoconfigure.QuartzEndpointAutoConfiguration"
    })
@EnableConfigurationProperties(ServeSettings.class)
public class WdsServeApplication {

  /**
   * Starts the dashboard for one home on {@code bind}:{@code port} (port 0: any free port).
   *
   * @param properties further properties (tests use them)
   */
  public static ConfigurableApplicationContext start(
      WdsHome home, String bind, int port, Map<String, Object> properties) {
    // as arguments, these outrank application.yml (which keeps every other command off the web)
    List<String> args = new ArrayList<>();
    args.add("--spring.main.web-application-type=servlet");
    args.add("--wds.home=" + home.root());
    args.add("--server.address=" + bind);
    args.add("--server.port=" + port);
    properties.forEach((k, v) -> args.add("--" + k + "=" + v));
    return WdsLogging.keptWhile(
        () ->
            new SpringApplicationBuilder(WdsServeApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties("spring.config.name=application,serve")
                .logStartupInfo(false)
                .run(args.toArray(String[]::new)));
  }
}
