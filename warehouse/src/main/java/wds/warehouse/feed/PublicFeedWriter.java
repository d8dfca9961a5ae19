package wds.warehouse.feed;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import wds.schemas.sql.SqlFile;
import wds.warehouse.lake.ParquetColumn;
import wds.warehouse.lake.ParquetFiles;
import wds.warehouse.publish.CatalogTables;
import wds.warehouse.publish.SnapshotName;
import wds.warehouse.publish.Snapshots;
import wds.warehouse.publish.VersionedFolder;

/**
 * The writer of the public feed: {@code indicator_value} and {@code mart_sex_age} of a published
 * snapshot, county and township rows only, the township rows of the mart recoded to broader age
 * bands ({@link AgeBands}), small cells withheld ({@link IndicatorCells}, {@link MartCells}) and
 * flagged in a {@code suppressed} column, as UTF-8 CSV and as Parquet under {@code <home>/public/}.
 * The feed is written aside and swapped in whole ({@link VersionedFolder}).
 */
public final class PublicFeedWriter {

  public static final List<String> TABLES = List.of("indicator_value", "mart_sex_age");

  private static final Logger log = LoggerFactory.getLogger(PublicFeedWriter.class);

  private final VersionedFolder feed;
  private final AgeBands townshipAgeBands;
  private final ParquetFiles parquet = new ParquetFiles(CompressionCodecName.SNAPPY);

  /** A feed at {@code folder} with the standard township age bands. */
  public PublicFeedWriter(Path folder) {
    this(folder, AgeBands.standard());
  }

  /**
   * A feed at {@code folder}, keeping the current and the previous version, the townships' rows of
   * {@code mart_sex_age} recoded to {@code townshipAgeBands}.
   */
  public PublicFeedWriter(Path folder, AgeBands townshipAgeBands) {
    this.feed = new VersionedFolder(folder, 2);
    this.townshipAgeBands = townshipAgeBands;
  }

  /**
   * What one feed build wrote: the folder, the rows and the withheld cells per table, and per table
   * the township cells and how many of them are withheld.
   */
  public record Result(
      Path folder,
      Map<String, Long> rows,
      Map<String, Map<Suppression, Long>> withheld,
      Map<String, TownshipCells> townships) {

    /** One line for the operator: rows and the withheld share of township cells per table. */
    public String summary() {
      StringBuilder line = new StringBuilder();
      rows.forEach(
          (table, n) -> {
            line.append(line.isEmpty() ? "" : "; ").append(table).append(' ').append(n);
            line.append(" rows");
            TownshipCells t = townships.get(table);
            if (t != null) {
              line.append(", township cells withheld ").append(t);
            }
          });
      return line.toString();
    }
  }

  /**
   * The township cells of a table and how many of them are withheld.
   *
   * @param cells township rows published (blank or not)
   * @param withheld those withheld, primary or secondary
   */
  public record TownshipCells(long cells, long withheld) {

    /** The withheld share, 0 to 1 (0 for no cells). */
    public double share() {
      return cells == 0 ? 0 : (double) withheld / cells;
    }

    @Override
    public String toString() {
      return String.format(
          java.util.Locale.ROOT, "%,d of %,d (%.1f%%)", withheld, cells, share() * 100);
    }
  }

  /** Writes the public feed of {@code snapshot} (a published snapshot file) and swaps it in. */
  public Result write(Path snapshot) throws SQLException, IOException {
    String file = snapshot.getFileName().toString();
    String version =
        SnapshotName.parse(file)
            .map(SnapshotName::stem)
            .orElse(file.replaceFirst("\\.duckdb$", ""));
    Path building = feed.prepare(version);
    Map<String, Long> rows = new LinkedHashMap<>();
    Map<String, Map<Suppression, Long>> withheld = new LinkedHashMap<>();
    Map<String, TownshipCells> townships = new LinkedHashMap<>();
    try (Connection connection = Snapshots.openReadOnly(snapshot)) {
      CatalogTables tables = CatalogTables.read(connection, currentCatalog(connection));
      if (tables.has("indicator_value")) {
        Map<List<String>, Suppression> flags = indicatorFlags(connection, tables, townships);
        withheld.put("indicator_value", count(flags));

        rows.put(
            "indicator_value",
            export(connection, "indicator_value", "public_indicator_value.sql", building));
      }
      if (tables.has("mart_sex_age")) {
        Map<List<String>, Suppression> flags = martFlags(connection, townships);
        withheld.put("mart_sex_age", count(flags));

        rows.put(
            "mart_sex_age",
            export(connection, "mart_sex_age", "public_mart_sex_age.sql", building));
      }
    }
    Path published = feed.publish(building, version);
    Result result = new Result(published, rows, withheld, townships);
    log.info("public feed {} published: {}; withheld {}", version, result.summary(), withheld);
    return result;
  }

  private Map<List<String>, Suppression> indicatorFlags(
      Connection connection, CatalogTables tables, Map<String, TownshipCells> townships)
      throws SQLException {
    // the warehouse contract puts the catalogue (code, unit) beside indicator_value in every
    // snapshot
    if (!tables.has("indicator")) {
      throw new IllegalStateException(
          "the snapshot has indicator_value but no indicator catalogue: its units decide which"
              + " count each value rests on");
    }
    String sql = SqlFile.load(getClass(), "indicator_rows.sql").sql();
    List<IndicatorCells.Row> rows = new ArrayList<>();
    Map<List<String>, Boolean> means = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        IndicatorCells.Row row =
            new IndicatorCells.Row(
                result.getString(1),
                result.getString(2),
                result.getString(3),
                result.getString(4),
                result.getString(5),
                (Double) result.getObject(6),
                (Double) result.getObject(8));
        rows.add(row);
        means.put(row.key(), result.getBoolean(7));
      }
    }
    Map<List<String>, IndicatorCells.Withheld> withheld = IndicatorCells.protectRows(rows);
    execute(
        connection,
        "CREATE OR REPLACE TEMP TABLE feed_indicator_flags (indicator_code VARCHAR, year VARCHAR,"
            + " area_code VARCHAR, residence VARCHAR, sex VARCHAR, suppressed VARCHAR,"
            + " blank_numerator BOOLEAN, blank_denominator BOOLEAN)");
    Map<List<String>, Suppression> flags = new LinkedHashMap<>();
    try (DuckDBAppender insert = tempAppender(connection, "feed_indicator_flags")) {
      for (var flag : withheld.entrySet()) {
        List<String> key = flag.getKey();
        IndicatorCells.Withheld w = flag.getValue();
        insert.beginRow();
        for (String part : key) {
          text(insert, part);
        }
        insert.append(w.reason().label());
        // a mean's count of persons is its denominator: the sum of ages goes with it
        insert.append(w.persons());
        insert.append(w.denominator() || (w.persons() && means.get(key)));
        insert.endRow();
        flags.put(key, w.reason());
      }
    }
    townships.put(
        "indicator_value",
        townshipCells(
            rows.stream().map(IndicatorCells.Row::area).toList(),
            rows.stream().map(IndicatorCells.Row::key).toList(),
            flags));
    return flags;
  }

  private Map<List<String>, Suppression> martFlags(
      Connection connection, Map<String, TownshipCells> townships) throws SQLException {
    recodeTownshipAges(connection);
    List<MartCells.Row> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(SqlFile.load(getClass(), "mart_rows.sql").sql())) {
      while (result.next()) {
        rows.add(
            new MartCells.Row(
                result.getString(1),
                result.getString(2),
                result.getString(3),
                result.getString(4),
                result.getString(5),
                (Double) result.getObject(6)));
      }
    }
    Map<List<String>, Suppression> flags = MartCells.protect(rows, townshipAgeBands);
    townships.put(
        "mart_sex_age",
        townshipCells(
            rows.stream().map(MartCells.Row::area).toList(),
            rows.stream().map(MartCells.Row::key).toList(),
            flags));
    execute(
        connection,
        "CREATE OR REPLACE TEMP TABLE feed_mart_flags (year VARCHAR, area_code VARCHAR,"
            + " sex_code VARCHAR, age_group VARCHAR, measure VARCHAR, suppressed VARCHAR)");
    try (DuckDBAppender insert = tempAppender(connection, "feed_mart_flags")) {
      for (var flag : flags.entrySet()) {
        insert.beginRow();
        for (String part : flag.getKey()) {
          text(insert, part);
        }
        insert.append(flag.getValue().label());
        insert.endRow();
      }
    }
    return flags;
  }

  /**
   * Builds {@code feed_mart}, the mart as the feed publishes it: the townships' 5-year groups
   * summed into the configured bands ({@code feed_age_bands} maps each group of the mart to its
   * band).
   */
  private void recodeTownshipAges(Connection connection) throws SQLException {
    execute(
        connection,
        "CREATE OR REPLACE TEMP TABLE feed_age_bands (age_group VARCHAR, band VARCHAR)");
    List<String> groups = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery("SELECT DISTINCT age_group FROM mart_sex_age ORDER BY 1")) {
      while (result.next()) {
        groups.add(result.getString(1));
      }
    }
    try (DuckDBAppender insert = tempAppender(connection, "feed_age_bands")) {
      for (String group : groups) {
        var band = townshipAgeBands.bandOf(group);
        if (band.isPresent()) {
          insert.beginRow().append(group).append(band.get()).endRow();
        }
      }
    }
    execute(
        connection,
        "CREATE OR REPLACE TEMP TABLE feed_mart AS "
            + SqlFile.load(getClass(), "feed_mart.sql").sql());
  }

  /** The township rows among {@code areas} (one per row) and how many of them are flagged. */
  private static TownshipCells townshipCells(
      List<String> areas, List<List<String>> keys, Map<List<String>, Suppression> flags) {
    long cells = 0;
    long withheld = 0;
    for (int i = 0; i < areas.size(); i++) {
      if (AreaLevel.of(areas.get(i)) == AreaLevel.TOWNSHIP) {
        cells++;
        withheld += flags.containsKey(keys.get(i)) ? 1 : 0;
      }
    }
    return new TownshipCells(cells, withheld);
  }

  private long export(Connection connection, String table, String sqlFile, Path folder)
      throws SQLException, IOException {
    String query = SqlFile.load(getClass(), sqlFile).sql();
    List<ParquetColumn> columns = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet described = statement.executeQuery("DESCRIBE " + query)) {
      while (described.next()) {
        columns.add(ParquetColumn.of(described.getString(1), described.getString(2)));
      }
    }
    String select =
        "SELECT "
            + String.join(", ", columns.stream().map(ParquetColumn::select).toList())
            + " FROM ("
            + query
            + ")";
    long rows =
        parquet.write(
            connection, select, List.of(), table, columns, folder.resolve(table + ".parquet"));
    writeCsv(connection, query, folder.resolve(table + ".csv"));
    return rows;
  }

  private static void writeCsv(Connection connection, String query, Path file)
      throws SQLException, IOException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query);
        Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out)) {
      int columns = result.getMetaData().getColumnCount();
      String[] record = new String[columns];
      for (int i = 0; i < columns; i++) {
        record[i] = result.getMetaData().getColumnLabel(i + 1);
      }
      csv.writeRecord(record);
      while (result.next()) {
        for (int i = 0; i < columns; i++) {
          String value = result.getString(i + 1);
          record[i] = value == null ? "" : value;
        }
        csv.writeRecord(record);
      }
    }
  }

  private static Map<Suppression, Long> count(Map<List<String>, Suppression> flags) {
    Map<Suppression, Long> counts = new LinkedHashMap<>();
    for (Suppression s : Suppression.values()) {
      counts.put(s, flags.values().stream().filter(s::equals).count());
    }
    return counts;
  }

  private static String currentCatalog(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT current_database()")) {
      rows.next();
      return rows.getString(1);
    }
  }

  /**
   * An appender to one of this writer's temporary tables: the flags go in as one chunk, where a
   * JDBC batch ran one insert per row (1,501 flags of the default county's mart took 0.6-0.7 s).
   */
  private static DuckDBAppender tempAppender(Connection connection, String table)
      throws SQLException {
    return connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", table);
  }

  private static void text(DuckDBAppender appender, String value) throws SQLException {
    if (value == null) {
      appender.appendNull();
    } else {
      appender.append(value);
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
