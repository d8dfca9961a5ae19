package wds.jobs.repository;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import wds.schemas.sql.SqlFile;

/**
 * Runs the job repository's Flyway migrations only when the repository is behind the newest
 * migration this jar holds (a new home, or a jar with a new migration). Flyway's own migrate
 * validates every applied migration against its file at every start, which is a tenth of a one-shot
 * command's start (README, "Start-up"); a repository already at the newest version, with no failed
 * migration, needs none of it.
 */
@Component
public class MigrateWhenBehind implements FlywayMigrationStrategy {

  /** {@code V<version>__<description>.sql}, Flyway's default naming of versioned migrations. */
  private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.*\\.sql");

  @Override
  public void migrate(Flyway flyway) {
    if (!current(flyway)) {
      flyway.migrate();
    }
  }

  /** Whether the repository has applied the newest migration of every location, and none failed. */
  static boolean current(Flyway flyway) {
    Optional<MigrationVersion> newest = newestMigration(flyway.getConfiguration().getLocations());
    if (newest.isEmpty()) {
      return false;
    }
    Optional<MigrationVersion> applied =
        appliedVersion(
            flyway.getConfiguration().getDataSource(), flyway.getConfiguration().getTable());
    return applied.isPresent() && applied.get().compareTo(newest.get()) >= 0;
  }

  /** The newest versioned migration in the class-path locations; empty when there is none. */
  static Optional<MigrationVersion> newestMigration(Location[] locations) {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    Optional<MigrationVersion> newest = Optional.empty();
    for (Location location : locations) {
      if (!location.isClassPath()) {
        return Optional.empty(); // only class-path migrations are known without Flyway's scan
      }
      Resource[] files;
      try {
        files = resolver.getResources("classpath:" + location.getRootPath() + "/V*__*.sql");
      } catch (FileNotFoundException e) {
        continue; // no such folder: no migrations there
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (Resource file : files) {
        Matcher m = VERSIONED.matcher(String.valueOf(file.getFilename()));
        if (m.matches()) {
          MigrationVersion version = MigrationVersion.fromVersion(m.group(1).replace('_', '.'));
          if (newest.isEmpty() || version.compareTo(newest.get()) > 0) {
            newest = Optional.of(version);
          }
        }
      }
    }
    return newest;
  }

  /**
   * The newest version the repository's history table records as applied; empty when the table is
   * missing or a migration failed (Flyway's migrate then says what to do).
   */
  static Optional<MigrationVersion> appliedVersion(DataSource dataSource, String table) {
    try (Connection c = dataSource.getConnection()) {
      if (!tableExists(c.getMetaData(), table)) {
        return Optional.empty();
      }
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  SqlFile.load(MigrateWhenBehind.class, "applied_versions.sql")
                      .render(Map.of("table", SqlFile.quote(table, quoteMark(c)))))) {
        MigrationVersion newest = null;
        while (rs.next()) {
          if (!rs.getBoolean(2)) {
            return Optional.empty();
          }
          if (rs.getString(1) != null) {
            MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
            newest = newest == null || v.compareTo(newest) > 0 ? v : newest;
          }
        }
        return Optional.ofNullable(newest);
      }
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  private static String quoteMark(Connection c) throws SQLException {
    String mark = c.getMetaData().getIdentifierQuoteString();
    return mark == null || mark.isBlank() ? "\"" : mark;
  }

  private static boolean tableExists(DatabaseMetaData meta, String table) throws SQLException {
    for (String name :
        Arrays.asList(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
      try (ResultSet rs = meta.getTables(null, null, name, null)) {
        if (rs.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
