package wds.warehouse.lake;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import wds.warehouse.publish.CatalogTables;
import wds.warehouse.publish.SnapshotName;
import wds.warehouse.publish.Sql;
import wds.warehouse.publish.VersionedFolder;

/**
 * The writer of the Parquet lake: every dimension, fact, mart and indicator table of a published
 * snapshot as Parquet under {@code <lake>/<table>/}, facts partitioned by year Hive-style ({@code
 * fact_births/year=2024/part-0.parquet}), the others one file ({@code dim_sex/part-0.parquet}). The
 * new lake is written aside and swapped in whole (see {@link VersionedFolder}), so a dashboard
 * never reads a half-written one.
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
  private final ParquetFiles parquet;

  /** A lake at {@code lake}, snappy-compressed, keeping the current and the previous version. */
  public LakeWriter(Path lake) {
    this(new VersionedFolder(lake, 2), CompressionCodecName.SNAPPY);
  }

  public LakeWriter(VersionedFolder lake, CompressionCodecName codec) {
    this.lake = lake;
    this.parquet = new ParquetFiles(codec);
  }

  /** What one lake build wrote: the published folder and the rows per table. */
  public record Result(Path folder, Map<String, Long> rows) {}

  /** Writes the lake of {@code snapshot} (a published snapshot file) and swaps it in. */
  public Result write(Path snapshot) throws SQLException, IOException {
    String version = version(snapshot);
    Path building = lake.prepare(version);
    Map<String, Long> rows = new LinkedHashMap<>();
    try (Connection connection = openStreaming(snapshot)) {
      String catalog = currentCatalog(connection);
      CatalogTables tables = CatalogTables.read(connection, catalog);
      for (var table : tables.tables().entrySet()) {
        if (TABLE_PREFIXES.stream().noneMatch(table.getKey()::startsWith)) {
          continue;
        }
        Path folder = building.resolve(table.getKey());
        boolean partitioned =
            table.getKey().startsWith("fact_")
                && table.getValue().stream().anyMatch(c -> c.name().equals(PARTITION));
        long written =
            partitioned
                ? writePartitioned(connection, table.getKey(), table.getValue(), folder)
                : writeWhole(connection, table.getKey(), table.getValue(), folder);
        rows.put(table.getKey(), written);
      }
    }
    Path published = lake.publish(building, version);
    log.info("lake {} published: {} tables, {} rows", version, rows.size(), total(rows));
    return new Result(published, rows);
  }

  private long writeWhole(
      Connection connection, String table, List<CatalogTables.TableColumn> columns, Path folder)
      throws SQLException, IOException {
    List<ParquetColumn> parquetColumns = parquetColumns(columns, null);
    String query = select(parquetColumns) + " FROM " + Sql.id(table);
    return parquet.write(
        connection, query, List.of(), table, parquetColumns, folder.resolve("part-0.parquet"));
  }

  private long writePartitioned(
      Connection connection, String table, List<CatalogTables.TableColumn> columns, Path folder)
      throws SQLException, IOException {
    // The partition value lives in the folder name (Hive style), not in the file.
    List<Object> years = distinctYears(connection, table);
    if (years.isEmpty()) {
      // No partition to write: an empty file with the whole schema still makes the table
      // readable (a glob that matches nothing is an error in DuckDB, Spark and Trino).
      return writeWhole(connection, table, columns, folder);
    }
    List<ParquetColumn> parquetColumns = parquetColumns(columns, PARTITION);
    long written = 0;
    for (Object year : years) {
      String query = select(parquetColumns) + " FROM " + Sql.id(table);
      List<Object> parameters;
      if (year == null) {
        query += " WHERE " + Sql.id(PARTITION) + " IS NULL";
        parameters = List.of();
      } else {
        query += " WHERE " + Sql.id(PARTITION) + " = ?";
        parameters = List.of(year);
      }
      Path file =
          folder
              .resolve(PARTITION + "=" + (year == null ? NULL_PARTITION : year))
              .resolve("part-0.parquet");
      written += parquet.write(connection, query, parameters, table, parquetColumns, file);
    }
    return written;
  }

  private static List<Object> distinctYears(Connection connection, String table)
      throws SQLException {
    List<Object> years = new ArrayList<>();
    String query =
        "SELECT DISTINCT " + Sql.id(PARTITION) + " FROM " + Sql.id(table) + " ORDER BY 1";
    try (PreparedStatement statement = connection.prepareStatement(query);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        years.add(rows.getObject(1));
      }
    }
    return years;
  }

  private static List<ParquetColumn> parquetColumns(
      List<CatalogTables.TableColumn> columns, String except) {
    return columns.stream()
        .filter(c -> !c.name().equals(except))
        .map(c -> ParquetColumn.of(c.name(), c.dataType()))
        .toList();
  }

  static String select(List<ParquetColumn> columns) {
    return "SELECT " + String.join(", ", columns.stream().map(ParquetColumn::select).toList());
  }

  /** Lake versions are named after the snapshot they come from. */
  private static String version(Path snapshot) {
    String file = snapshot.getFileName().toString();
    return SnapshotName.parse(file)
        .map(SnapshotName::stem)
        .orElse(file.replaceFirst("\\.duckdb$", ""));
  }

  /** A read-only connection whose results stream, so a big fact table is never held whole. */
  static Connection openStreaming(Path snapshot) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("duckdb.read_only", "true");
    properties.setProperty("jdbc_stream_results", "true");
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
