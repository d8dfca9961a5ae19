package wds.jobs.jdbc;

import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import wds.schemas.SchemaCatalog;

/** The JDBC delivery of source systems: configuration binding and the pull service. */
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
        pulls, new PullMarks(), catalog, pullDate.isBlank() ? null : LocalDate.parse(pullDate));
  }
}
