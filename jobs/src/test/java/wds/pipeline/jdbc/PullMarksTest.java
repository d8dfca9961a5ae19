package wds.pipeline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import wds.jobs.jdbc.JdbcSourcesProperties;
import wds.jobs.jdbc.JdbcSourcesProperties.Connector;
import wds.jobs.jdbc.JdbcSourcesProperties.Source;
import wds.jobs.jdbc.SourceDatabases;
import wds.jobs.testsupport.DatabaseServers;
import wds.jobs.testsupport.Postgres;
import wds.jobs.testsupport.TestDatabase;
import wds.pipeline.load.ExtractResult;
import wds.pipeline.load.LoadMode;
import wds.schemas.ExtractSchema;
import wds.schemas.SchemaCatalog;

@ExtendWith(DatabaseServers.class)
class PullMarksTest {

  private static final ExtractSchema DEATHS = SchemaCatalog.load().get("health", "maternal_deaths");

  @BeforeAll
  static void threeDeathsInTheSource(@Postgres TestDatabase db) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE maternal_deaths (case_id VARCHAR(20) PRIMARY KEY, updated_at TIMESTAMP)");
      s.execute(
          "INSERT INTO maternal_deaths VALUES ('M1', '2025-03-01 10:00:00'),"
              + " ('M2', '2025-03-01 11:00:00'), ('M3', '2025-03-01 12:00:00')");
    }
  }

  @Test
  void aPullReadInFullMovesTheMarkToItsLatestUpdate(@Postgres TestDatabase db, @TempDir Path dir)
      throws Exception {
    try (Connection warehouse = DriverManager.getConnection("jdbc:duckdb:")) {
      PullSource pull = new PullSource(pulls(db, dir), warehouse, DEATHS);
      try (var reader = pull.open()) {
        while (reader.next() != null) {
          // the loader reads every row
        }
      }
      pull.advanceMark(warehouse, result(3));

      assertThat(Watermarks.highWater(warehouse, "health", "maternal_deaths"))
          .contains(LocalDateTime.parse("2025-03-01T12:00:00"));
    }
  }

  @Test
  void aPullWhoseCountsDisagreeIsRefusedAndLeavesTheMark(
      @Postgres TestDatabase db, @TempDir Path dir) throws Exception {
    try (Connection warehouse = DriverManager.getConnection("jdbc:duckdb:")) {
      PullSource pull = new PullSource(pulls(db, dir), warehouse, DEATHS);
      try (var reader = pull.open()) {
        reader.next();
      }

      assertThatThrownBy(() -> pull.advanceMark(warehouse, result(1)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("health/maternal_deaths")
          .hasMessageContaining("the source counted 3 rows, the pull read 1");
      assertThat(Watermarks.highWater(warehouse, "health", "maternal_deaths")).isEmpty();
    }
  }

  private static JdbcPulls pulls(TestDatabase db, Path dir) throws Exception {
    Path password =
        db.password() == null ? null : Files.writeString(dir.resolve("pw"), db.password());
    Source health =
        new Source(Connector.JDBC, db.urlWithoutPassword(), db.user(), password, Map.of(), 2);
    return new JdbcPulls(
        new SourceDatabases(new JdbcSourcesProperties(Map.of("health", health)), name -> null));
  }

  private static ExtractResult result(long read) {
    return new ExtractResult(
        "health",
        "maternal_deaths",
        LocalDate.parse("2025-03-02"),
        "maternal_deaths",
        "jdbc",
        LoadMode.DELTA,
        read,
        read,
        Map.of(),
        0,
        null,
        ExtractResult.Status.LOADED,
        null,
        null,
        LocalDateTime.now(),
        LocalDateTime.now());
  }
}
