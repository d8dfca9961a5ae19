package wds.jobs.schedule;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh PostgreSQL database for one test class, on the server named by {@code
 * WDS_TEST_POSTGRES_URL} (set by .ci/run). Without that server the test is skipped on a developer's
 * machine and FAILS under CI ({@code CI=true}).
 *
 * <p>Stand-in until the shared {@code DatabaseServers} test extension lands in main.
 */
final class PostgresDatabase implements AutoCloseable {

  private final String adminUrl;
  private final String name;

  private PostgresDatabase(String adminUrl, String name) {
    this.adminUrl = adminUrl;
    this.name = name;
  }

  static PostgresDatabase create() throws SQLException {
    String url = System.getenv("WDS_TEST_POSTGRES_URL");
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    if (url == null || url.isBlank()) {
      if (ci) {
        fail("WDS_TEST_POSTGRES_URL is not set: CI needs a PostgreSQL server for this test");
      }
      Assumptions.abort("WDS_TEST_POSTGRES_URL is not set: no PostgreSQL server for this test");
    }
    String name = "wds_sched_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = DriverManager.getConnection(url);
        Statement statement = admin.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      if (ci) {
        fail("the PostgreSQL server of WDS_TEST_POSTGRES_URL is unreachable: " + e.getMessage());
      }
      Assumptions.abort("the PostgreSQL server is unreachable: " + e.getMessage());
    }
    return new PostgresDatabase(url, name);
  }

  /** The JDBC URL of the fresh database (same server, user and options as the admin URL). */
  String url() {
    int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
    int query = adminUrl.indexOf('?', slash);
    return adminUrl.substring(0, slash + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
  }

  String name() {
    return name.toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() throws SQLException {
    try (Connection admin = DriverManager.getConnection(adminUrl);
        Statement statement = admin.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
    }
  }
}
