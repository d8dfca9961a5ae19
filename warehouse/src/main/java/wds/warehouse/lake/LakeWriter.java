package wds.warehouse.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import wds.schemas.sql.SqlFile;
import wds.warehouse.DuckDbLimits;
import wds.warehouse.publish.CatalogTables;
import wds.warehouse.publish.SnapshotName;
import wds.warehouse.publish.VersionedFolder;

/**
 * The writer of the Parquet lake: every dimension, fact, mart and indicator table of a published
 * snapshot as Parquet under {@code <lake>/<table>/}, facts partitioned by year Hive-style ({@code
 * fact_births/year=2024/part-0.parquet}), the others one file ({@code dim_sex/part-0.parquet}).
 * DuckDB writes the files itself ({@code COPY … TO … (FORMAT parquet, PARTITION_BY (year))}), one
 * statement per table, on as many connections at once as DuckDB has threads, the largest tables
 * first; Apache Parquet's Java library then reads each file's footer and checks its schema and row
 * count against the table ({@link ParquetFooters}). The new lake is written aside and swapped in
 * whole (see {@link VersionedFolder}) only when every file passes, so a dashboard never reads a
 * half-written or broken one.
 */
public final class LakeWriter {

  /** The tables that go to the lake, by name prefix: not the load audit, not the ODS. */
  public static final List<String> TABLE_PREFIXES = List.of("dim_", "fact_", "mart_", "indicator");

  /** The partition column of fact tables. */
  public static final String PARTITION = "year";

  /** Hive's name for the partition of rows whose year is NULL. */
  static final String NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__";

  private static final Logger log = LoggerFactory.getLogger(LakeWriter.class);

  private final VersionedFolder lake;
  private final String codec;
  private final DuckDbLimits limits;

  /** A lake at {@code lake}, snappy-compressed, keeping the current and the previous version. */
  public LakeWriter(Path lake) {
    this(lake, DuckDbLimits.DEFAULT);
  }

  /** {@link #LakeWriter(Path)} with DuckDB held to {@code limits} while it writes. */
  public LakeWriter(Path lake, DuckDbLimits limits) {
    this(new VersionedFolder(lake, 2), CompressionCodecName.SNAPPY, limits);
  }

  public LakeWriter(VersionedFolder lake, CompressionCodecName codec, DuckDbLimits limits) {
    this.lake = lake;
    this.codec = codec.name().toLowerCase(java.util.Locale.ROOT);
    this.limits = limits;
  }

  /** What one lake build wrote: the published folder and the rows per table. */
  public record Result(Path folder, Map<String, Long> rows) {}

  /**
   * Writes the lake of {@code snapshot} (a published snapshot file) and swaps it in once every
   * written file's footer has been checked against its table ({@link ParquetFooters}): a broken
   * file is never published.
   */
  public Result write(Path snapshot) throws SQLException, IOException {
    String version = version(snapshot);
    Path building = lake.prepare(version);
    Map<String, Long> rows = new LinkedHashMap<>();
    try (Connection connection = open(snapshot)) {
      limits.apply(connection);
      String catalog = currentCatalog(connection);
      CatalogTables tables = CatalogTables.read(connection, catalog);
      List<String> names =
          tables.tables().keySet().stream()
              .filter(name -> TABLE_PREFIXES.stream().anyMatch(name::startsWith))
              .toList();
      Map<String, Long> written =
          writeTables(connection, building, tables, largestFirst(connection, catalog, names));
      names.forEach(name -> rows.put(name, written.get(name)));
    }
    Path published = lake.publish(building, version);
    log.info("lake {} published: {} tables, {} rows", version, rows.size(), total(rows));
    return new Result(published, rows);
  }

  /**
   * Writes and checks {@code names} on as many connections to the snapshot as DuckDB has threads,
   * each taking the next table when it is done: the small tables and the footers' checks, which
   * keep one core busy, then run beside the large partitioned COPYs instead of after them.
   *
   * @return the rows checked per table
   */
  private Map<String, Long> writeTables(
      Connection connection, Path building, CatalogTables tables, List<String> names)
      throws SQLException, IOException {
    Queue<String> queue = new ConcurrentLinkedQueue<>(names);
    Map<String, Long> rows = new ConcurrentHashMap<>();
    int writers = Math.min(limits.threads(), names.size());
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, writers));
    List<Future<Void>> running = new ArrayList<>();
    try {
      for (int i = 0; i < writers; i++) {
        boolean first = i == 0;
        running.add(
            pool.submit(
                () -> {
                  if (first) {
                    drain(connection, building, tables, queue, rows);
                  } else {
                    try (Connection other = connection.unwrap(DuckDBConnection.class).duplicate()) {
                      drain(other, building, tables, queue, rows);
                    }
                  }
                  return null;
                }));
      }
      joinAll(running);
    } finally {
      pool.shutdownNow();
    }
    return rows;
  }

  /**
   * Takes tables from {@code queue} until it is empty; a table that fails empties it, so that the
   * other writers stop after the table they are writing.
   */
  private void drain(
      Connection connection,
      Path building,
      CatalogTables tables,
      Queue<String> queue,
      Map<String, Long> rows)
      throws SQLException, IOException {
    try {
      for (String name = queue.poll(); name != null; name = queue.poll()) {
        rows.put(name, writeTable(connection, building, name, tables.columns(name)));
      }
    } catch (SQLException | IOException | RuntimeException e) {
      queue.clear();
      throw e;
    }
  }

  /** Writes one table's files and checks their footers against it; returns its rows. */
  private long writeTable(
      Connection connection, Path building, String table, List<CatalogTables.TableColumn> all)
      throws SQLException, IOException {
    Path folder = building.resolve(table);
    Files.createDirectories(folder);
    boolean partitioned =
        table.startsWith("fact_") && all.stream().anyMatch(c -> c.name().equals(PARTITION));
    Map<String, Long> expected = partitioned ? partitionRows(connection, table) : Map.of();
    List<ParquetColumn> columns;
    if (partitioned && !expected.isEmpty()) {
      // the partition value lives in the folder name (Hive style), not in the file
      columns = parquetColumns(all, PARTITION);
      copy(
          connection,
          select(parquetColumns(all, null)) + " FROM " + SqlFile.quote(table),
          folder,
          ", PARTITION_BY (" + SqlFile.quote(PARTITION) + "), FILENAME_PATTERN 'part-{i}'");
    } else {
      // a fact without rows is still one file with the whole schema: a glob that matches
      // nothing is an error in DuckDB, Spark and Trino
      columns = parquetColumns(all, null);
      expected = Map.of("", count(connection, table));
      copy(
          connection,
          select(columns) + " FROM " + SqlFile.quote(table),
          folder.resolve("part-0.parquet"),
          "");
    }
    return ParquetFooters.check(folder, table, columns, expected);
  }

  /**
   * Waits for every writer, so that none still writes when the connection closes, then rethrows
   * what failed the first that failed.
   */
  private static void joinAll(List<Future<Void>> writers) throws SQLException, IOException {
    Throwable failure = null;
    boolean interrupted = false;
    for (Future<Void> writer : writers) {
      while (true) {
        try {
          writer.get();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          failure = failure == null ? e.getCause() : failure;
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure instanceof SQLException sql) {
      throw sql;
    }
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
  }

  /** The tables by DuckDB's estimate of their rows, largest first: the long COPYs start first. */
  private static List<String> largestFirst(
      Connection connection, String catalog, List<String> names) throws SQLException {
    Map<String, Long> size = new LinkedHashMap<>();
    try (PreparedStatement statement =
        connection.prepareStatement(SqlFile.load(LakeWriter.class, "table_sizes.sql").sql())) {
      statement.setString(1, catalog);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          size.put(result.getString(1), result.getLong(2));
        }
      }
    }
    return names.stream()
        .sorted(Comparator.comparingLong((String name) -> size.getOrDefault(name, 0L)).reversed())
        .toList();
  }

  /** One COPY of a query to Parquet: DuckDB's own writer, on all its threads. */
  private void copy(Connection connection, String query, Path target, String options)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "COPY ("
              + query
              + ") TO "
              + SqlFile.literal(target.toString())
              + " (FORMAT parquet, COMPRESSION "
              + SqlFile.literal(codec)
              + options
              + ")");
    }
  }

  /** Rows per partition folder name ({@code year=2024}), NULL years under Hive's name. */
  private static Map<String, Long> partitionRows(Connection connection, String table)
      throws SQLException {
    Map<String, Long> rows = new LinkedHashMap<>();
    String query =
        "SELECT "
            + SqlFile.quote(PARTITION)
            + ", count(*) FROM "
            + SqlFile.quote(table)
            + " GROUP BY ALL ORDER BY 1 NULLS LAST";
    try (PreparedStatement statement = connection.prepareStatement(query);
        ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        Object year = result.getObject(1);
        rows.put(PARTITION + "=" + (year == null ? NULL_PARTITION : year), result.getLong(2));
      }
    }
    return rows;
  }

  private static long count(Connection connection, String table) throws SQLException {
    try (PreparedStatement statement =
            connection.prepareStatement("SELECT count(*) FROM " + SqlFile.quote(table));
        ResultSet result = statement.executeQuery()) {
      result.next();
      return result.getLong(1);
    }
  }

  private static List<ParquetColumn> parquetColumns(
      List<CatalogTables.TableColumn> columns, String except) {
    return columns.stream()
        .filter(c -> !c.name().equals(except))
        .map(c -> ParquetColumn.of(c.name(), c.dataType()))
        .toList();
  }

  /** The columns as the lake types them ({@link ParquetColumn#copyExpression}), by name. */
  static String select(List<ParquetColumn> columns) {
    return "SELECT "
        + String.join(", ", columns.stream().map(ParquetColumn::copyExpression).toList());
  }

  /** Lake versions are named after the snapshot they come from. */
  private static String version(Path snapshot) {
    String file = snapshot.getFileName().toString();
    return SnapshotName.parse(file)
        .map(SnapshotName::stem)
        .orElse(file.replaceFirst("\\.duckdb$", ""));
  }

  /** A read-only connection to the snapshot: COPY writes files, never the database. */
  static Connection open(Path snapshot) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("duckdb.read_only", "true");
    return DriverManager.getConnection("jdbc:duckdb:" + snapshot.toAbsolutePath(), properties);
  }

  static String currentCatalog(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT current_database()");
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static long total(Map<String, Long> rows) {
    return rows.values().stream().mapToLong(Long::longValue).sum();
  }
}
