package wds.jobs.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job repository is migrated at start only when it is behind the jar's migrations. */
class MigrateWhenBehindTest {

  @TempDir Path tmp;

  private Flyway flyway() {
    return Flyway.configure()
        .dataSource("jdbc:h2:file:" + tmp.resolve("jobrepo"), "sa", "")
        .locations("classpath:db/migration/h2")
        .load();
  }

  @Test
  void newestMigration_WhenTheJarHoldsTheJobRepositoryMigrations_ThenItIsTheHighestVersion() {
    assertThat(
            MigrateWhenBehind.newestMigration(
                new Location[] {new Location("classpath:db/migration/h2")}))
        .contains(MigrationVersion.fromVersion("2"));
    assertThat(
            MigrateWhenBehind.newestMigration(
                new Location[] {new Location("classpath:no/such/folder")}))
        .isEmpty();
  }

  @Test
  void migrate_WhenTheRepositoryIsNew_ThenEveryMigrationRunsAndItIsCurrent() {
    Flyway flyway = flyway();
    assertThat(MigrateWhenBehind.current(flyway)).isFalse();

    new MigrateWhenBehind().migrate(flyway);

    assertThat(MigrateWhenBehind.current(flyway)).isTrue();
    assertThat(flyway.info().pending()).isEmpty();
  }

  @Test
  void current_WhenTheNewestMigrationIsNotApplied_ThenItIsBehindAndMigrateAppliesIt() {
    // a repository made by a jar that did not have the newest migration yet
    Flyway.configure()
        .dataSource("jdbc:h2:file:" + tmp.resolve("jobrepo"), "sa", "")
        .locations("classpath:db/migration/h2")
        .target("1")
        .load()
        .migrate();
    Flyway flyway = flyway();
    assertThat(flyway.info().pending()).hasSize(1);
    assertThat(MigrateWhenBehind.current(flyway)).isFalse();

    new MigrateWhenBehind().migrate(flyway);

    assertThat(MigrateWhenBehind.current(flyway)).isTrue();
    assertThat(flyway.info().pending()).isEmpty();
  }

  @Test
  void current_WhenAMigrationFailed_ThenItIsNotCurrent() throws Exception {
    Flyway flyway = flyway();
    flyway.migrate();
    try (Connection c = flyway.getConfiguration().getDataSource().getConnection();
        Statement st = c.createStatement()) {
      st.execute(
          "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '2'");
    }
    assertThat(MigrateWhenBehind.current(flyway)).isFalse();
  }
}
