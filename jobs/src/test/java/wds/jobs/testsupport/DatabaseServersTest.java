package wds.jobs.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;

@ExtendWith(DatabaseServers.class)
class DatabaseServersTest {

  /** What the sample classes saw: class name to the database names their tests were given. */
  static final Map<String, List<String>> SEEN = new ConcurrentHashMap<>();

  @Test
  void eachTestClassGetsItsOwnFreshDatabaseWhichIsDroppedAfterTheClass(
      @Postgres TestDatabase postgres, @MariaDb TestDatabase mariadb) throws SQLException {
    SEEN.clear();

    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(FirstSample.class), selectClass(SecondSample.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(3).succeeded(3).failed(0));

    List<String> first = SEEN.get("first");
    List<String> second = SEEN.get("second");
    assertThat(first).hasSize(4).containsOnly(first.get(0), first.get(1));
    assertThat(second).hasSize(2);
    assertThat(first).doesNotContainAnyElementsOf(second);
    for (String name : first) {
      assertThat(exists(postgres, name) || exists(mariadb, name)).as(name + " dropped").isFalse();
    }
    for (String name : second) {
      assertThat(exists(postgres, name) || exists(mariadb, name)).as(name + " dropped").isFalse();
    }
    assertThat(exists(postgres, postgres.name())).as("this class's own database").isTrue();
    assertThat(exists(mariadb, mariadb.name())).as("this class's own database").isTrue();
  }

  @Test
  void withoutDockerAndWithAnUnreachableServerTheTestFailsNamingWhatIsMissing() {
    System.setProperty("wds.test.docker", "false");
    System.setProperty(
        DatabaseKind.POSTGRES.systemProperty(),
        "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres&password=secret");
    try {
      EngineTestKit.engine("junit-jupiter")
          .selectors(selectClass(NeedsPostgres.class))
          .execute()
          .testEvents()
          .assertStatistics(stats -> stats.started(1).failed(1).succeeded(0).skipped(0).aborted(0))
          .assertThatEvents()
          .haveExactly(
              1,
              event(
                  test("usesTheDatabase"),
                  finishedWithFailure(
                      message(
                          m ->
                              m.contains("PostgreSQL for tests")
                                  && m.contains("no Docker engine")
                                  && m.contains("WDS_TEST_POSTGRES_URL")
                                  && m.contains("127.0.0.1:1")
                                  && m.contains("cannot be reached")
                                  && !m.contains("secret")))));
    } finally {
      System.clearProperty("wds.test.docker");
      System.clearProperty(DatabaseKind.POSTGRES.systemProperty());
    }
  }

  @Test
  void withNeitherDockerNorAVariableTheLocalServerAtItsUsualAddressIsUsed() {
    System.setProperty("wds.test.docker", "false");
    System.setProperty("wds.test.environment", "false");
    SEEN.clear();
    try {
      EngineTestKit.engine("junit-jupiter")
          .selectors(selectClass(RecordsItsUrl.class))
          .execute()
          .testEvents()
          .assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
    } finally {
      System.clearProperty("wds.test.docker");
      System.clearProperty("wds.test.environment");
    }
    assertThat(SEEN.get("local"))
        .singleElement()
        .asString()
        .startsWith("jdbc:postgresql://127.0.0.1:5432/wds_t_recordsitsurl_")
        .contains("user=postgres");
  }

  @Test
  void withNothingAnsweringTheTestFailsSayingTheVariableIsNotSet() {
    System.setProperty("wds.test.docker", "false");
    System.setProperty("wds.test.environment", "false");
    System.setProperty(
        DatabaseKind.POSTGRES.systemProperty() + ".local",
        "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres");
    try {
      EngineTestKit.engine("junit-jupiter")
          .selectors(selectClass(NeedsPostgres.class))
          .execute()
          .testEvents()
          .assertStatistics(stats -> stats.started(1).failed(1).succeeded(0).skipped(0).aborted(0))
          .assertThatEvents()
          .haveExactly(
              1,
              event(
                  test("usesTheDatabase"),
                  finishedWithFailure(
                      message(
                          m ->
                              m.contains("PostgreSQL for tests")
                                  && m.contains("no Docker engine")
                                  && m.contains("WDS_TEST_POSTGRES_URL is not set")))));
    } finally {
      System.clearProperty("wds.test.docker");
      System.clearProperty("wds.test.environment");
      System.clearProperty(DatabaseKind.POSTGRES.systemProperty() + ".local");
    }
  }

  private static boolean exists(TestDatabase server, String name) throws SQLException {
    String sql =
        server.kind() == DatabaseKind.POSTGRES
            ? "SELECT count(*) FROM pg_database WHERE datname = ?"
            : "SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?";
    try (Connection c = server.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }

  private static void record(String sample, TestDatabase db) {
    SEEN.computeIfAbsent(sample, k -> new CopyOnWriteArrayList<>()).add(db.name());
  }

  @ExtendWith(DatabaseServers.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class FirstSample {

    @Test
    @Order(1)
    void createsATable(@Postgres TestDatabase postgres, @MariaDb TestDatabase mariadb)
        throws SQLException {
      record("first", postgres);
      record("first", mariadb);
      for (TestDatabase db : List.of(postgres, mariadb)) {
        try (Connection c = db.connect();
            Statement s = c.createStatement()) {
          s.execute("CREATE TABLE marker (id INT)");
        }
      }
    }

    @Test
    @Order(2)
    void seesTheTableOfTheSameClass(@Postgres TestDatabase postgres, @MariaDb TestDatabase mariadb)
        throws SQLException {
      record("first", postgres);
      record("first", mariadb);
      for (TestDatabase db : List.of(postgres, mariadb)) {
        try (Connection c = db.connect();
            Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT count(*) FROM marker")) {
          rs.next();
        }
      }
    }
  }

  @ExtendWith(DatabaseServers.class)
  static class SecondSample {

    @Test
    void startsEmpty(@Postgres TestDatabase postgres, @MariaDb TestDatabase mariadb)
        throws SQLException {
      record("second", postgres);
      record("second", mariadb);
      for (TestDatabase db : List.of(postgres, mariadb)) {
        try (Connection c = db.connect()) {
          try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "marker", null)) {
            assertThat(rs.next()).as(db.kind() + " database is fresh").isFalse();
          }
        }
      }
    }
  }

  @ExtendWith(DatabaseServers.class)
  static class RecordsItsUrl {

    @Test
    void recordsTheUrl(@Postgres TestDatabase postgres) throws SQLException {
      try (Connection c = postgres.connect()) {
        SEEN.computeIfAbsent("local", k -> new CopyOnWriteArrayList<>()).add(postgres.url());
      }
    }
  }

  @ExtendWith(DatabaseServers.class)
  static class NeedsPostgres {

    @Test
    void usesTheDatabase(@Postgres TestDatabase postgres) {
      assertThat(postgres).isNotNull();
    }
  }
}
