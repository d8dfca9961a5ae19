package wds.jobs.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import wds.jobs.WdsHome;
import wds.jobs.schedule.ScheduleConfiguration;

/**
 * What operators see: a counts line per step in every command; warehouse gauges and the Prometheus
 * endpoint while {@code wds schedule} runs. (The row counters {@code wds.rows.*} are the loader's.)
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({FreshnessPolicy.class, MetricsProperties.class})
public class MetricsConfiguration {

  @Bean
  static StepCountsLog stepCountsLog() {
    return new StepCountsLog();
  }

  /** The beans that only a long-lived scheduler needs. */
  @Configuration(proxyBeanMethods = false)
  @Profile(ScheduleConfiguration.PROFILE)
  static class Served {

    @Bean
    WarehouseGauges warehouseGauges(
        @Value("${wds.home}") Path home, FreshnessPolicy policy, MetricsProperties settings) {
      return new WarehouseGauges(new WdsHome(home), policy, Clock.systemUTC(), settings.refresh());
    }

    @Bean
    PrometheusServer prometheusServer(
        PrometheusMeterRegistry registry, WarehouseGauges gauges, MetricsProperties settings) {
      return new PrometheusServer(registry, gauges, settings);
    }
  }
}
