package wds.jobs.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import wds.jobs.jdbc.JdbcSourcesProperties.Connector;

class JdbcSourcesPropertiesTest {

  private static JdbcSourcesProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("wds", JdbcSourcesProperties.class);
  }

  @Test
  void aJdbcSourceBindsFromApplicationProperties() {
    JdbcSourcesProperties p =
        bind(
            Map.of(
                "wds.sources.health.connector", "jdbc",
                "wds.sources.health.url", "jdbc:postgresql://mch.example/mch",
                "wds.sources.health.user", "wds_reader",
                "wds.sources.health.password-file", "/etc/wds/health.password",
                "wds.sources.health.tables.births", "mch.v_birth_certificates",
                "wds.sources.health.fetch-size", "250"));

    JdbcSourcesProperties.Source health = p.source("health");
    assertThat(health.connector()).isEqualTo(Connector.JDBC);
    assertThat(health.user()).isEqualTo("wds_reader");
    assertThat(health.passwordFile()).isEqualTo(Path.of("/etc/wds/health.password"));
    assertThat(health.fetchSize()).isEqualTo(250);
    assertThat(health.table("births").toString()).isEqualTo("mch.v_birth_certificates");
    assertThat(health.table("pregnancies").toString())
        .as("default: the extract's name")
        .isEqualTo("pregnancies");
  }

  @Test
  void aSourceNotConfiguredDeliversFiles() {
    JdbcSourcesProperties p = bind(Map.of("wds.sources.hr.connector", "file"));
    assertThat(p.source("hr").isJdbc()).isFalse();
    assertThat(p.source("civil").isJdbc()).isFalse();
    assertThat(p.source("civil").connector()).isEqualTo(Connector.FILE);
  }

  @Test
  void theEnvironmentConfiguresASourceToo() {
    StandardEnvironment environment = new StandardEnvironment();
    MutablePropertySources sources = environment.getPropertySources();
    sources.replace(
        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            Map.of(
                "WDS_SOURCES_HR_CONNECTOR", "jdbc",
                "WDS_SOURCES_HR_URL", "jdbc:mariadb://hr.example/hr",
                "WDS_SOURCES_HR_TABLES_EMPLOYMENT", "employment_registrations")));
    JdbcSourcesProperties p =
        new Binder(ConfigurationPropertySources.get(environment))
            .bindOrCreate("wds", JdbcSourcesProperties.class);
    assertThat(p.source("hr").isJdbc()).isTrue();
    assertThat(p.source("hr").url()).isEqualTo("jdbc:mariadb://hr.example/hr");
    assertThat(p.source("hr").table("employment").toString()).isEqualTo("employment_registrations");
  }

  @Test
  void aTableNameThatIsNotAPlainIdentifierIsRefusedNamingTheSetting() {
    assertThatThrownBy(
            () ->
                bind(
                    Map.of(
                        "wds.sources.health.connector", "jdbc",
                        "wds.sources.health.url", "jdbc:postgresql://mch/mch",
                        "wds.sources.health.tables.births", "births; DROP TABLE births")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("wds.sources.health.tables.births")
        .hasMessageContaining("births; DROP TABLE births");
  }

  @Test
  void aPasswordInTheUrlIsRefused() {
    assertThatThrownBy(
            () ->
                bind(
                    Map.of(
                        "wds.sources.health.connector", "jdbc",
                        "wds.sources.health.url", "jdbc:postgresql://mch/mch?password=s3cret")))
        .rootCause()
        .hasMessageContaining("WDS_SOURCE_HEALTH_PASSWORD")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void thePasswordComesFromTheEnvironmentElseFromItsFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("health.password"), "from-file\n");

    assertThat(
            SourcePassword.of(
                "health",
                file,
                name -> name.equals("WDS_SOURCE_HEALTH_PASSWORD") ? "from-env" : null))
        .isEqualTo("from-env".toCharArray());
    assertThat(SourcePassword.of("health", file, name -> null))
        .isEqualTo("from-file".toCharArray());
    assertThat(SourcePassword.of("health", null, name -> null)).isNull();
  }

  @Test
  void theSettingsNeverShowThePasswordFile() {
    JdbcSourcesProperties p =
        bind(
            Map.of(
                "wds.sources.health.connector", "jdbc",
                "wds.sources.health.url", "jdbc:postgresql://mch/mch",
                "wds.sources.health.password-file", "/run/secrets/health"));
    assertThat(p.toString()).doesNotContain("/run/secrets/health");
  }
}
