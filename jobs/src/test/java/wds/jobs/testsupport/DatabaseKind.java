package wds.jobs.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database server product tests run against: how to find it, start it in a container, and create
 * and drop a database on it.
 */
public enum DatabaseKind {
  POSTGRES("PostgreSQL", "WDS_TEST_POSTGRES_URL", "wds.test.postgres.url", "postgres:15-alpine"),
  MARIADB("MariaDB", "WDS_TEST_MARIADB_URL", "wds.test.mariadb.url", "mariadb:10.11");

  private final String product;
  private final String environmentVariable;
  private final String systemProperty;
  private final String image;

  DatabaseKind(String product, String environmentVariable, String systemProperty, String image) {
    this.product = product;
    this.environmentVariable = environmentVariable;
    this.systemProperty = systemProperty;
    this.image = image;
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

  /** The configured server URL: the system property if set, else the environment variable. */
  public String configuredUrl() {
    String property = System.getProperty(systemProperty);
    if (property != null && !property.isBlank()) {
      return property;
    }
    String env = System.getenv(environmentVariable);
    return env == null || env.isBlank() ? null : env;
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
