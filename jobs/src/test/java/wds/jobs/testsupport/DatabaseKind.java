package wds.jobs.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database server product tests run against: how to find it, start it in a container, and create
 * and drop a database on it.
 */
public enum DatabaseKind {
  POSTGRES(
      "PostgreSQL",
      "WDS_TEST_POSTGRES_URL",
      "wds.test.postgres.url",
      "postgres:15-alpine",
      "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"),
  MARIADB(
      "MariaDB",
      "WDS_TEST_MARIADB_URL",
      "wds.test.mariadb.url",
      "mariadb:10.11",
      "jdbc:mariadb://127.0.0.1:3306/?user=root");

  private final String product;
  private final String environmentVariable;
  private final String systemProperty;
  private final String image;
  private final String localUrl;

  DatabaseKind(
      String product,
      String environmentVariable,
      String systemProperty,
      String image,
      String localUrl) {
    this.product = product;
    this.environmentVariable = environmentVariable;
    this.systemProperty = systemProperty;
    this.image = image;
    this.localUrl = localUrl;
  }

  public String product() {
    return product;
  }

  /** The environment variable naming a server when there is no Docker engine. */
  public String environmentVariable() {
    return environmentVariable;
  }

  /** A system property that overrides {@link #environmentVariable()} (tests of the extension). */
  public String systemProperty() {
    return systemProperty;
  }

  /** The container image used where a Docker engine is available. */
  public String image() {
    return image;
  }

  /**
   * The configured server URL: the system property if set, else the environment variable (unless
   * {@code wds.test.environment=false}, which the extension's own tests use to act out a machine
   * where it is not set).
   */
  public String configuredUrl() {
    String property = System.getProperty(systemProperty);
    if (property != null && !property.isBlank()) {
      return property;
    }
    if ("false".equalsIgnoreCase(System.getProperty("wds.test.environment"))) {
      return null;
    }
    String env = System.getenv(environmentVariable);
    return env == null || env.isBlank() ? null : env;
  }

  /**
   * The server's usual local address, tried last: the product's default port on this machine with
   * its installation's administrator ({@code postgres}, {@code root}) and no password, as Debian
   * installs them. The system property {@code <systemProperty>.local} replaces it (the extension's
   * own tests point it at a closed port).
   */
  public String localUrl() {
    String property = System.getProperty(systemProperty + ".local");
    return property == null || property.isBlank() ? localUrl : property;
  }

  void createDatabase(Connection admin, String name) throws SQLException {
    try (Statement s = admin.createStatement()) {
      s.execute("CREATE DATABASE " + name + (this == MARIADB ? " CHARACTER SET utf8mb4" : ""));
    }
  }

  void dropDatabase(Connection admin, String name) throws SQLException {
    try (Statement s = admin.createStatement()) {
      // FORCE ends sessions a test left open (PostgreSQL 13+); MariaDB drops regardless
      s.execute("DROP DATABASE IF EXISTS " + name + (this == POSTGRES ? " WITH (FORCE)" : ""));
    }
  }
}
