package wds.jobs.jdbc;

import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import wds.pipeline.jdbc.JdbcPulls;
import wds.pipeline.jdbc.JdbcSourceLoad;
import wds.schemas.SchemaCatalog;

/**
 * The JDBC delivery of source systems: binds their settings ({@link JdbcSourcesProperties}) and
 * hands the pipeline's pulls ({@link JdbcSourceLoad}) the databases they name.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JdbcSourcesProperties.class)
public class JdbcSourcesConfiguration {

  @Bean
  SourceDatabases sourceDatabases(JdbcSourcesProperties properties) {
    return new SourceDatabases(properties);
  }

  @Bean
  JdbcPulls jdbcPulls(SourceDatabases databases) {
    return new JdbcPulls(databases);
  }

  /**
   * The load of JDBC sources; {@code wds.jdbc.pull-date} (yyyy-MM-dd) fixes the pulls' day, for
   * reruns and tests (default: today, county time).
   */
  @Bean
  JdbcSourceLoad jdbcSourceLoad(
      JdbcPulls pulls, SchemaCatalog catalog, @Value("${wds.jdbc.pull-date:}") String pullDate) {
    return new JdbcSourceLoad(
        pulls, catalog, pullDate.isBlank() ? null : LocalDate.parse(pullDate));
  }
}
