package wds.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;

/**
 * The wds Spring Boot application: the Spring Batch jobs, their job repository and metrics.
 * Commands that run a job start it themselves ({@link #start}), so {@code wds --help} stays quick.
 */
@SpringBootApplication(
    excludeName = {
      // the web side is wds serve's own application (wds.jobs.serve.WdsServeApplication)
      "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
      "org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration"
    })
@ComponentScan(
    excludeFilters = {
      @Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
      @Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
      // the dashboard's beans belong to WdsServeApplication's context only
      @Filter(type = FilterType.REGEX, pattern = "wds\\.jobs\\.serve\\..*")
    })
public class WdsApplication {

  /**
   * What a one-shot job command ({@code load}, {@code publish}, {@code nightly}) leaves out of the
   * application: Spring Boot configures everything it finds on the class path, and the jar holds
   * the scheduler's, the dashboard's and the region's libraries too. A one-shot run serves no
   * endpoint, exports no metrics (its counters go to the log and the audit), never starts Quartz
   * (QuartzOnlyWhenScheduling) and talks to no message broker, so these auto-configurations only
   * cost start-up: about a third of an empty load's CPU (README, "Start-up"). {@code wds schedule},
   * {@code serve} and the region keep the full set.
   */
  static final List<String> NOT_FOR_ONE_SHOT =
      List.of(
          "org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration",
          "org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration",
          "org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration",
          "org.springframework.boot.actuate.autoconfigure.info.InfoContributorAutoConfiguration",
          "org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration",
          "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
          "org.springframework.boot.amqp.autoconfigure.health.RabbitHealthContributorAutoConfiguration",
          "org.springframework.boot.amqp.autoconfigure.metrics.RabbitMetricsAutoConfiguration",
          "org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration",
          "org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration",
          "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
          "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration",
          "org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration",
          "org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration",
          "org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration",
          "org.springframework.boot.health.autoconfigure.application.DiskSpaceHealthContributorAutoConfiguration",
          "org.springframework.boot.health.autoconfigure.application.SslHealthContributorAutoConfiguration",
          "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration",
          "org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration",
          "org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration",
          "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
          "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
          "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
          "org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
          "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
          "org.springframework.boot.micrometer.metrics.autoconfigure.jvm.JvmMetricsAutoConfiguration",
          "org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration",
          "org.springframework.boot.micrometer.metrics.autoconfigure.ssl.SslMetricsAutoConfiguration",
          "org.springframework.boot.micrometer.metrics.autoconfigure.startup.StartupTimeMetricsListenerAutoConfiguration",
          "org.springframework.boot.micrometer.metrics.autoconfigure.system.SystemMetricsAutoConfiguration",
          "org.springframework.boot.micrometer.metrics.autoconfigure.task.TaskExecutorMetricsAutoConfiguration",
          "org.springframework.boot.micrometer.observation.autoconfigure.ScheduledTasksObservationAutoConfiguration",
          "org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration");

  /**
   * The properties of a one-shot job command's application: the auto-configurations it does not use
   * left out ({@link #NOT_FOR_ONE_SHOT}) and beans created when first asked for (a load asks for
   * the job operator, the job and what they need; nothing else is built), then the given ones.
   */
  public static Map<String, Object> oneShot(Map<String, Object> properties) {
    Map<String, Object> oneShot = new LinkedHashMap<>();
    oneShot.put("spring.autoconfigure.exclude", String.join(",", NOT_FOR_ONE_SHOT));
    oneShot.put("spring.main.lazy-initialization", true);
    oneShot.putAll(properties);
    return oneShot;
  }

  /**
   * Starts the application for one home.
   *
   * @param properties further properties (tests use them to inject faults)
   */
  public static ConfigurableApplicationContext start(WdsHome home, Map<String, Object> properties) {
    home.create();
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("wds.home", home.root().toString());
    defaults.putAll(properties);
    ConfigurableApplicationContext context =
        WdsLogging.keptWhile(
            () ->
                new SpringApplicationBuilder(WdsApplication.class)
                    .properties(defaults)
                    .logStartupInfo(false)
                    .run());
    // the job repository's file was just created, with the umask's mode
    HomeModes.apply(home);
    return context;
  }

  public static ConfigurableApplicationContext start(WdsHome home) {
    return start(home, Map.of());
  }
}
