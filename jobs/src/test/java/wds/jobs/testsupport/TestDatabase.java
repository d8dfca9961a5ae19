package wds.jobs.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A fresh, empty database created for one test class on a real server, dropped after the class.
 *
 * @param kind the server product
 * @param name the database's name on the server (unique per test class)
 * @param url a JDBC URL of the database that carries its credentials, ready for {@link
 *     DriverManager#getConnection(String)} or any code that takes a JDBC URL
 * @param urlWithoutPassword the same database for code that takes the user and password apart (as
 *     the {@code wds.sources.*} settings do); it may still name the user
 * @param user the user to give apart, or null when the URL names it
 * @param password the password to give apart, or null when none is needed
 */
public record TestDatabase(
    DatabaseKind kind,
    String name,
    String url,
    String urlWithoutPassword,
    String user,
    String password) {

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url);
  }
}
