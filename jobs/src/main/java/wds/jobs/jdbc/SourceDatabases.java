package wds.jobs.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.UnaryOperator;
import wds.jobs.jdbc.JdbcSourcesProperties.Source;

/** Opens connections to the source systems' databases named in {@link JdbcSourcesProperties}. */
public final class SourceDatabases {

  private final JdbcSourcesProperties properties;
  private final UnaryOperator<String> environment;

  public SourceDatabases(JdbcSourcesProperties properties, UnaryOperator<String> environment) {
    this.properties = properties;
    this.environment = environment;
  }

  /** With the process's environment. */
  public SourceDatabases(JdbcSourcesProperties properties) {
    this(properties, System::getenv);
  }

  public JdbcSourcesProperties properties() {
    return properties;
  }

  /** A new connection to {@code source}'s database, which must be configured as {@code jdbc}. */
  public Connection connect(String source) throws SQLException {
    Source settings = properties.source(source);
    if (!settings.isJdbc()) {
      throw new IllegalStateException("source " + source + " is not configured as jdbc");
    }
    return connect(
        source,
        settings.url(),
        settings.user(),
        SourcePassword.of(source, settings.passwordFile(), environment));
  }

  /**
   * A new connection; the password is handed to the driver only, so that it never appears in a URL
   * that could be logged.
   */
  public static Connection connect(String source, String url, String user, char[] password)
      throws SQLException {
    Properties info = new Properties();
    if (user != null && !user.isBlank()) {
      info.setProperty("user", user);
    }
    if (password != null) {
      info.setProperty("password", new String(password));
    }
    try {
      return DriverManager.getConnection(url, info);
    } catch (SQLException e) {
      // the driver's message names host and database, never the password
      throw new SQLException(
          "cannot connect to the database of source " + source + ": " + e.getMessage(),
          e.getSQLState(),
          e);
    }
  }
}
