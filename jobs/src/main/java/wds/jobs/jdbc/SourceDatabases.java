package wds.jobs.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.UnaryOperator;
import wds.jobs.jdbc.JdbcSourcesProperties.Source;
import wds.pipeline.jdbc.SourceConnections;
import wds.pipeline.jdbc.TableName;

/**
 * The source systems' databases named in {@link JdbcSourcesProperties}, as the pipeline's pulls
 * reach them: their tables and fetch sizes, and connections opened with {@link SourcePassword}.
 */
public final class SourceDatabases implements SourceConnections {

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

  @Override
  public boolean isJdbc(String source) {
    return properties.source(source).isJdbc();
  }

  @Override
  public TableName table(String source, String extract) {
    return properties.source(source).table(extract);
  }

  @Override
  public int fetchSize(String source) {
    return properties.source(source).fetchSize();
  }

  /** A new connection to {@code source}'s database, which must be configured as {@code jdbc}. */
  @Override
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
