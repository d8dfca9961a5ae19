package wds.jobs;

import java.util.LinkedHashMap;
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
