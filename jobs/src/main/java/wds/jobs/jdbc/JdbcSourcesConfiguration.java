package wds.jobs.jdbc;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
}
