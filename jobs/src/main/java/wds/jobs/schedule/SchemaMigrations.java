package wds.jobs.schedule;

import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.Location;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.stereotype.Component;

/**
 * Points Flyway at the migrations of the database in use ({@code db/migration/h2} or {@code
 * db/migration/postgresql}: the Spring Batch job repository and the Quartz tables) in every
 * command, not only in {@code wds schedule}. Flyway's default location would find both vendors'
 * {@code V1} and refuse to start; an explicitly configured {@code spring.flyway.locations} is left
 * as it is.
 */
@Component
public class SchemaMigrations implements FlywayConfigurationCustomizer {

  static final String VENDOR_LOCATION = "classpath:db/migration/{vendor}";

  @Override
  public void customize(org.flywaydb.core.api.configuration.FluentConfiguration configuration) {
    List<String> locations =
        Arrays.stream(configuration.getLocations()).map(Location::getDescriptor).toList();
    if (locations.equals(List.of("classpath:db/migration"))) {
      configuration.locations(
          new PlatformPlaceholderDatabaseDriverResolver()
              .resolveAll(configuration.getDataSource(), VENDOR_LOCATION)
              .toArray(String[]::new));
    }
  }
}
