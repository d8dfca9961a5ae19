package wds.jobs.jdbc;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import wds.pipeline.jdbc.TableName;

/**
 * How each source system delivers, bound from {@code wds.sources.<source>.*} (application.yml or
 * the environment, e.g. {@code WDS_SOURCES_HEALTH_CONNECTOR=jdbc}); a source not listed delivers
 * files. Passwords are never part of it: see {@link SourcePassword}.
 *
 * @param sources source system name ({@code health}, {@code hr}, ...) to its connection
 */
@ConfigurationProperties("wds")
public record JdbcSourcesProperties(Map<String, Source> sources) {

  /** The default number of rows fetched from a source database at a time. */
  public static final int DEFAULT_FETCH_SIZE = 1000;

  public JdbcSourcesProperties {
    sources = sources == null ? Map.of() : Map.copyOf(sources);
    sources.forEach((name, source) -> source.check(name));
  }

  /** The settings of a source; a source that is not configured delivers files. */
  public Source source(String name) {
    return sources.getOrDefault(name, Source.FILE);
  }

  /** How a source's extracts arrive (sources.md, "Delivery"). */
  public enum Connector {
    /** A drop folder with a manifest per night. */
    FILE,
    /** Tables or views in the source system's own database. */
    JDBC
  }

  /**
   * One source system's delivery.
   *
   * @param connector {@code file} (default) or {@code jdbc}
   * @param url the JDBC URL of the source database (jdbc only)
   * @param user the database user (may also be in the URL)
   * @param passwordFile a file holding the password (its first line), readable by the operator
   *     only; the environment variable {@code WDS_SOURCE_<SOURCE>_PASSWORD} takes precedence
   * @param tables extract name to its table or view ({@code table} or {@code schema.table});
   *     default: the extract's name
   * @param fetchSize rows fetched at a time (default {@value #DEFAULT_FETCH_SIZE})
   */
  public record Source(
      Connector connector,
      String url,
      String user,
      Path passwordFile,
      Map<String, String> tables,
      Integer fetchSize) {

    static final Source FILE = new Source(Connector.FILE, null, null, null, null, null);

    public Source {
      connector = connector == null ? Connector.FILE : connector;
      tables = tables == null ? Map.of() : Map.copyOf(tables);
      fetchSize = fetchSize == null ? DEFAULT_FETCH_SIZE : fetchSize;
    }

    public boolean isJdbc() {
      return connector == Connector.JDBC;
    }

    /** The table or view holding {@code extract} in the source database. */
    public TableName table(String extract) {
      return TableName.parse(tables.getOrDefault(extract, extract));
    }

    private void check(String name) {
      String where = "wds.sources." + name;
      if (!name.matches("[a-z][a-z0-9_]*")) {
        throw new IllegalArgumentException(where + ": a source name is lower-case letters");
      }
      if (isJdbc() && (url == null || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:"))) {
        throw new IllegalArgumentException(where + ".url must be a jdbc: URL for connector jdbc");
      }
      if (isJdbc() && url.toLowerCase(Locale.ROOT).contains("password=")) {
        throw new IllegalArgumentException(
            where
                + ".url must not carry a password: use WDS_SOURCE_"
                + name.toUpperCase(Locale.ROOT)
                + "_PASSWORD or "
                + where
                + ".password-file");
      }
      if (fetchSize < 1) {
        throw new IllegalArgumentException(where + ".fetch-size must be at least 1");
      }
      tables.forEach(
          (extract, table) -> {
            try {
              TableName.parse(table);
            } catch (IllegalArgumentException e) {
              // the setting's name says where to fix it; the parser's message says what is wrong
              throw new IllegalArgumentException(
                  where + ".tables." + extract + ": " + e.getMessage());
            }
          });
    }

    /** Never shows where the password is, only that the source is configured. */
    @Override
    public String toString() {
      return "Source[" + connector + " " + (url == null ? "" : url) + " user=" + user + "]";
    }
  }
}
