package wds.jobs.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The JUnit extension that gives tests real PostgreSQL and MariaDB databases, the one place every
 * test of the project gets a database server from.
 *
 * <p>A server is, in this order: a Testcontainers container where a Docker engine is available; the
 * server named by {@code WDS_TEST_POSTGRES_URL} / {@code WDS_TEST_MARIADB_URL} (a JDBC URL whose
 * user may create databases; {@code .ci/run} sets both); the local server at its usual address
 * ({@link DatabaseKind#localUrl()}: PostgreSQL 127.0.0.1:5432 as {@code postgres}, MariaDB
 * 127.0.0.1:3306 as {@code root}) where it answers, so {@code mvn -B verify} passes on a fresh
 * machine with the servers running and no variable set. A named server that does not answer is an
 * error, never passed over for the local one. Each test class gets its own fresh database on that
 * server, created when a test first asks for it and dropped after the class. A test never passes by
 * skipping: with no server it fails, saying what is missing.
 *
 * <p>Use: {@code @ExtendWith(DatabaseServers.class)} and a parameter {@code @Postgres TestDatabase
 * db} or {@code @MariaDb TestDatabase db} on a test, lifecycle method or constructor.
 *
 * <p>System properties {@code wds.test.postgres.url} / {@code wds.test.mariadb.url} override the
 * environment variables, {@code wds.test.environment=false} ignores the variables, {@code
 * wds.test.postgres.url.local} / {@code wds.test.mariadb.url.local} replace the usual local
 * address, and {@code wds.test.docker=false} ignores a Docker engine (the extension's own tests use
 * them).
 */
public final class DatabaseServers implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(DatabaseServers.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestDatabase.class
        && (parameter.isAnnotated(Postgres.class) || parameter.isAnnotated(MariaDb.class));
  }

  @Override
  public TestDatabase resolveParameter(ParameterContext parameter, ExtensionContext context) {
    DatabaseKind kind =
        parameter.isAnnotated(Postgres.class) ? DatabaseKind.POSTGRES : DatabaseKind.MARIADB;
    ExtensionContext classContext = classContext(context);
    FreshDatabase fresh =
        classContext
            .getStore(NAMESPACE)
            .computeIfAbsent(
                kind,
                k -> FreshDatabase.create(server(context, kind), classContext),
                FreshDatabase.class);
    return fresh.database();
  }

  /** The server for {@code kind}, found or started once per test run. */
  private static Server server(ExtensionContext context, DatabaseKind kind) {
    ServerLookup lookup =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .computeIfAbsent("server-" + kind, k -> ServerLookup.of(kind), ServerLookup.class);
    if (lookup.problem() != null) {
      throw new ParameterResolutionException(lookup.problem());
    }
    return lookup.server();
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() || c.getTestClass().isEmpty()) {
      c = c.getParent().orElseThrow(() -> new IllegalStateException("no test class"));
    }
    return c;
  }

  /**
   * A reachable server.
   *
   * @param kind the product
   * @param adminUrl a JDBC URL (with credentials) of an existing database on it, for CREATE/DROP
   * @param bareUrl the same without the credentials below
   * @param user the user apart from the URL (a container's), or null
   * @param password the password apart from the URL (a container's), or null
   * @param container the container it runs in, or null for a server from the environment
   */
  record Server(
      DatabaseKind kind,
      String adminUrl,
      String bareUrl,
      String user,
      String password,
      JdbcDatabaseContainer<?> container)
      implements AutoCloseable {

    @Override
    public void close() {
      if (container != null) {
        container.stop();
      }
    }
  }

  /** A server, or why there is none; remembered for the run so every class fails the same way. */
  record ServerLookup(Server server, String problem) implements AutoCloseable {

    static ServerLookup of(DatabaseKind kind) {
      if (dockerAvailable()) {
        return new ServerLookup(start(kind), null);
      }
      String url = kind.configuredUrl();
      if (url == null) {
        Server local = local(kind);
        if (local != null) {
          return new ServerLookup(local, null);
        }
        return new ServerLookup(
            null,
            kind.product()
                + " for tests: there is no Docker engine for Testcontainers and "
                + kind.environmentVariable()
                + " is not set. Set it to the JDBC URL of a server whose user may create databases"
                + " (.ci/run sets it to the local server), or provide a Docker engine."
                + ciNote());
      }
      try (Connection probe = DriverManager.getConnection(url)) {
        return new ServerLookup(
            new Server(
                kind,
                url,
                JdbcUrls.withoutParameter(url, "password"),
                null,
                JdbcUrls.parameter(url, "password"),
                null),
            null);
      } catch (SQLException e) {
        return new ServerLookup(
            null,
            kind.product()
                + " for tests: there is no Docker engine for Testcontainers and the server of "
                + kind.environmentVariable()
                + "="
                + withoutPassword(url)
                + " cannot be reached ("
                + e.getMessage()
                + "). Start that server (.ci/run starts the local ones) or point "
                + kind.environmentVariable()
                + " at a running one."
                + ciNote());
      }
    }

    /** The server at its usual local address when it answers there, else null. */
    private static Server local(DatabaseKind kind) {
      String url = kind.localUrl();
      try (Connection probe = DriverManager.getConnection(url)) {
        return new Server(
            kind,
            url,
            JdbcUrls.withoutParameter(url, "password"),
            null,
            JdbcUrls.parameter(url, "password"),
            null);
      } catch (SQLException e) {
        return null;
      }
    }

    @Override
    public void close() {
      if (server != null) {
        server.close();
      }
    }

    private static boolean dockerAvailable() {
      if ("false".equalsIgnoreCase(System.getProperty("wds.test.docker"))) {
        return false;
      }
      return DockerClientFactory.instance().isDockerAvailable();
    }

    private static Server start(DatabaseKind kind) {
      JdbcDatabaseContainer<?> container =
          switch (kind) {
            case POSTGRES -> new PostgreSQLContainer(kind.image());
            case MARIADB -> new MariaDBContainer(kind.image()).withUsername("root");
          };
      container.start();
      String url =
          JdbcUrls.withParameter(
              JdbcUrls.withParameter(container.getJdbcUrl(), "user", container.getUsername()),
              "password",
              container.getPassword());
      return new Server(
          kind,
          url,
          container.getJdbcUrl(),
          container.getUsername(),
          container.getPassword(),
          container);
    }

    private static String ciNote() {
      return "true".equalsIgnoreCase(System.getenv("CI"))
          ? " (CI=true: a test that needs a database server fails rather than skips.)"
          : "";
    }
  }

  /** The database one test class works in; dropped when the class is done. */
  record FreshDatabase(Server server, TestDatabase database) implements AutoCloseable {

    static FreshDatabase create(Server server, ExtensionContext classContext) {
      String name =
          "wds_t_"
              + shortName(classContext)
              + "_"
              + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
      try (Connection admin = DriverManager.getConnection(server.adminUrl())) {
        server.kind().createDatabase(admin, name);
      } catch (SQLException e) {
        throw new ParameterResolutionException(
            "cannot create the test database " + name + " on " + server.kind().product(), e);
      }
      return new FreshDatabase(
          server,
          new TestDatabase(
              server.kind(),
              name,
              JdbcUrls.withDatabase(server.adminUrl(), name),
              JdbcUrls.withDatabase(server.bareUrl(), name),
              server.user(),
              server.password()));
    }

    private static String shortName(ExtensionContext classContext) {
      String simple =
          classContext
              .getRequiredTestClass()
              .getSimpleName()
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^a-z0-9]", "");
      return simple.length() > 30 ? simple.substring(0, 30) : simple;
    }

    @Override
    public void close() throws SQLException {
      try (Connection admin = DriverManager.getConnection(server.adminUrl())) {
        server.kind().dropDatabase(admin, database.name());
      }
    }
  }

  static String withoutPassword(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
