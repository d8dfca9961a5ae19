package wds.jobs.region;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import wds.jobs.WdsHome;
import wds.jobs.publish.PublishedInputs;
import wds.schemas.CountyClock;
import wds.schemas.sql.SqlFile;
import wds.warehouse.Plan;
import wds.warehouse.indicator.Area;
import wds.warehouse.indicator.BuildYears;
import wds.warehouse.indicator.Cell;
import wds.warehouse.indicator.IndicatorDefinition;
import wds.warehouse.indicator.IndicatorDefinitions;
import wds.warehouse.indicator.IndicatorEngine;
import wds.warehouse.indicator.IndicatorValue;
import wds.warehouse.indicator.IndicatorWriter;
import wds.warehouse.indicator.Tally;
import wds.warehouse.model.ModelCatalog;
import wds.warehouse.publish.AtomicLink;
import wds.warehouse.publish.SnapshotName;
import wds.warehouse.publish.SnapshotPublisher;
import wds.warehouse.publish.Snapshots;
import wds.warehouse.publish.VersionedFolder;
import wds.warehouse.warning.EarlyWarnings;
import wds.warehouse.warning.IndicatorWarning;

/**
 * The region's published warehouse (spec/region.md), built by the manager after the counties'
 * nights from what each county has published: its current snapshot (indicator values, the load
 * audit) and its Parquet lake (facts, dimensions, marts). A county whose night failed is read as it
 * was last published, and marked stale. Built aside and swapped like a county's: the snapshot under
 * {@code <region home>/snapshots/}, the lake under {@code lake.d/} (link {@code lake}), the public
 * feed under {@code public.d/} (link {@code public}).
 */
public final class RegionWarehouse {

  private static final Logger log = LoggerFactory.getLogger(RegionWarehouse.class);
  private static final String SQL = "wds/jobs/region/";

  /** How one county's night ended, as the region records it. */
  public enum Night {
    DONE,
    REFUSED,
    FAILED,
    NOT_RUN;

    public static Night ofExitCode(Integer code) {
      return code == null ? NOT_RUN : code == 0 ? DONE : code == 2 ? REFUSED : FAILED;
    }
  }

  /** What a build published. */
  public record Result(Path snapshot, int counties, int stale, long values, long warnings) {}

  private final RegionFile region;
  private final Plan plan;

  public RegionWarehouse(RegionFile region, Plan plan) {
    this.region = region;
    this.plan = plan;
  }

  /**
   * The digest of what the region's publication is made from: the region file (its counties, homes
   * and prefectures), each county's current snapshot (by file name: a county publishes a new file
   * whenever anything of it changes) and tonight's night, the as-of year and this build of wds
   * ({@link PublishedInputs}).
   */
  public String inputs(Map<String, Night> nights) {
    List<String> lines = new ArrayList<>();
    lines.add("region " + region);
    for (RegionFile.County c : region.counties()) {
      lines.add(
          "county "
              + c.code()
              + " "
              + new Snapshots(c.home().snapshots())
                  .current()
                  .map(p -> p.getFileName().toString())
                  .orElse("none")
              + " "
              + nights.getOrDefault(c.code(), Night.NOT_RUN));
    }
    lines.add("as-of-year " + LocalDateTime.now(CountyClock.system()).getYear());
    return PublishedInputs.digest(lines);
  }

  /**
   * The region's current snapshot's file name when its last publication made whole is that snapshot
   * and was made from {@code inputs}.
   */
  public Optional<String> publishedFrom(String inputs) {
    return PublishedInputs.publishedFrom(region.home(), inputs);
  }

  /**
   * Builds and publishes the region's snapshot, lake and public feed.
   *
   * @param nights each county's night tonight (a county missing from it did not run)
   * @throws IllegalStateException no county has anything published
   */
  public Result build(Map<String, Night> nights) throws SQLException, IOException {
    WdsHome home = region.home();
    Files.createDirectories(home.snapshots());
    Snapshots snapshots = new Snapshots(home.snapshots());
    // named in county time, as the counties name theirs
    SnapshotName name = new SnapshotName(LocalDateTime.now(CountyClock.system()), 0);
    while (Files.exists(home.snapshots().resolve(name.fileName()))) {
      name = name.next();
    }
    Path file = home.snapshots().resolve(name.fileName());
    Map<String, Path> published = new LinkedHashMap<>();
    for (RegionFile.County c : region.counties()) {
      new Snapshots(c.home().snapshots()).current().ifPresent(p -> published.put(c.code(), p));
    }
    if (published.isEmpty()) {
      throw new IllegalStateException(
          "no county of " + region.code() + " has a published snapshot: nothing to build from");
    }
    long values;
    long warnings;
    int stale = 0;
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:")) {
      execute(conn, SqlFile.load("wds/warehouse/engine/macros.sql").sql());
      execute(
          conn,
          "ATTACH "
              + SqlFile.literal(file.toString())
              + " AS snap (STORAGE_VERSION "
              + SqlFile.literal(SnapshotPublisher.STORAGE_VERSION)
              + ")");
      try {
        execute(conn, SqlFile.load(SQL + "region_tables.sql").sql());
        RegionIndicators indicators =
            new RegionIndicators(plan, new IndicatorDefinitions(ModelCatalog.load()));
        List<RegionIndicators.CountyRow> rows = new ArrayList<>();
        Map<String, Map<String, Map<Cell, RegionIndicators.MeanTotals[]>>> means = new HashMap<>();
        boolean first = true;
        for (RegionFile.County c : region.counties()) {
          Path snapshot = published.get(c.code());
          Night night = nights.getOrDefault(c.code(), Night.NOT_RUN);
          boolean isStale = snapshot == null || night == Night.FAILED || night == Night.NOT_RUN;
          stale += isStale ? 1 : 0;
          if (snapshot == null) {
            countyRow(conn, c, null, null, night, true);
            continue;
          }
          execute(conn, "ATTACH " + SqlFile.literal(snapshot.toString()) + " AS cty (READ_ONLY)");
          try {
            if (first) {
              execute(conn, "CREATE TABLE snap.indicator AS SELECT * FROM cty.indicator");
              execute(
                  conn,
                  "CREATE TABLE snap.indicator_value AS SELECT * FROM cty.indicator_value LIMIT 0");
              execute(
                  conn,
                  "CREATE TABLE snap.indicator_warning AS SELECT * FROM cty.indicator_warning"
                      + " LIMIT 0");
              first = false;
            }
            copyCounty(conn, c.code());
            rows.addAll(countyRows(conn, c.code()));
            means.putAll(meanTotals(conn, indicators, c.code()));
            countyRow(conn, c, snapshot, lastDelivery(conn), night, isStale);
          } finally {
            execute(conn, "USE memory");
            execute(conn, "RESET search_path");
            execute(conn, "DETACH cty");
          }
        }
        List<IndicatorValue> above = new ArrayList<>();
        List<Area> areas = new ArrayList<>();
        for (RegionFile.Prefecture p : region.prefectures()) {
          above.addAll(indicators.area(p.code(), p.counties(), rows, flip(means)));
          areas.add(new Area(p.code(), p.name(), "county"));
        }
        if (region.level().equals("province")) {
          List<String> all = region.counties().stream().map(RegionFile.County::code).toList();
          above.addAll(indicators.area(region.code(), all, rows, flip(means)));
          areas.add(new Area(region.code(), region.name(), "county"));
        }
        List<IndicatorWarning> raised =
            new EarlyWarnings(plan, indicators.catalogue(), areas).evaluate(above);
        IndicatorWriter writer = new IndicatorWriter(conn, "snap");
        writer.values(above);
        writer.warnings(raised);
        execute(conn, "ALTER TABLE snap.indicator_value ADD COLUMN area_level VARCHAR");
        execute(conn, "ALTER TABLE snap.indicator_warning ADD COLUMN area_level VARCHAR");
        for (String table : List.of("indicator_value", "indicator_warning")) {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "UPDATE snap."
                      + table
                      + " SET area_level = CASE WHEN area_code = ? THEN ? WHEN area_code IN"
                      + " (SELECT prefecture_code FROM snap.region_prefecture) THEN 'prefecture'"
                      + " ELSE 'county' END")) {
            ps.setString(1, region.code());
            ps.setString(2, region.level());
            ps.executeUpdate();
          }
        }
        values = count(conn, "snap.indicator_value");
        warnings = count(conn, "snap.indicator_warning");
        execute(conn, "CHECKPOINT snap");
        execute(conn, "DETACH snap");
      } catch (SQLException | RuntimeException e) {
        try {
          execute(conn, "DETACH DATABASE IF EXISTS snap");
        } catch (SQLException ignored) {
          // the file goes anyway
        }
        Files.deleteIfExists(file);
        throw e;
      }
    }
    AtomicLink.pointTo(snapshots.currentLink(), file.getFileName().toString());
    AtomicLink.write(snapshots.currentFile(), file.getFileName() + "\n");
    log.info("published region snapshot {}", file.getFileName());
    writeLake(name.stem(), published);
    new RegionFeed(region).write(file, name.stem());
    return new Result(file, region.counties().size(), stale, values, warnings);
  }

  /** The region_county and region_prefecture tables are created by region_tables.sql. */
  private void countyRow(
      Connection conn,
      RegionFile.County c,
      Path snapshot,
      LocalDate lastDelivery,
      Night night,
      boolean stale)
      throws SQLException {
    RegionFile.Prefecture p = region.prefectureOf(c.code());
    LocalDateTime publishedAt =
        snapshot == null
            ? null
            : SnapshotName.parse(snapshot.getFileName().toString())
                .map(SnapshotName::builtAt)
                .orElse(null);
    try (PreparedStatement ps =
        conn.prepareStatement("INSERT INTO snap.region_county VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, c.code());
      ps.setString(2, c.name());
      ps.setString(3, p == null ? null : p.code());
      ps.setString(4, snapshot == null ? null : snapshot.getFileName().toString());
      ps.setObject(5, publishedAt);
      ps.setObject(6, lastDelivery);
      ps.setString(7, night.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
      ps.setBoolean(8, stale);
      ps.executeUpdate();
    }
    if (p != null) {
      try (PreparedStatement ps =
          conn.prepareStatement(
              "INSERT INTO snap.region_prefecture SELECT ?, ? WHERE ? NOT IN"
                  + " (SELECT prefecture_code FROM snap.region_prefecture)")) {
        ps.setString(1, p.code());
        ps.setString(2, p.name());
        ps.setString(3, p.code());
        ps.executeUpdate();
      }
    }
  }

  private static void copyCounty(Connection conn, String county) throws SQLException {
    for (String table : List.of("indicator_value", "indicator_warning")) {
      try (PreparedStatement ps =
          conn.prepareStatement(
              "INSERT INTO snap."
                  + table
                  + " SELECT * FROM cty."
                  + table
                  + " WHERE area_code = ?")) {
        ps.setString(1, county);
        ps.executeUpdate();
      }
    }
  }

  private static List<RegionIndicators.CountyRow> countyRows(Connection conn, String county)
      throws SQLException {
    List<RegionIndicators.CountyRow> rows = new ArrayList<>();
    try (PreparedStatement ps =
        conn.prepareStatement(SqlFile.load(SQL + "county_rows.sql").sql())) {
      ps.setString(1, county);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new RegionIndicators.CountyRow(
                  county,
                  rs.getString(1),
                  new Cell(rs.getInt(2), county, rs.getString(3), rs.getString(4)),
                  (Double) rs.getObject(5),
                  (Double) rs.getObject(6),
                  (Double) rs.getObject(7),
                  rs.getBoolean(8)));
        }
      }
    }
    return rows;
  }

  /**
   * Per indicator with a mean part, this county's totals and headcounts per cell, computed by the
   * county engine's own part queries over the county's published snapshot.
   */
  private static Map<String, Map<String, Map<Cell, RegionIndicators.MeanTotals[]>>> meanTotals(
      Connection conn, RegionIndicators indicators, String county) throws SQLException {
    Map<String, Map<String, Map<Cell, RegionIndicators.MeanTotals[]>>> out = new HashMap<>();
    execute(conn, "SET search_path = 'cty.main,memory.main'");
    BuildYears years;
    try (Statement st = conn.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT min(year), max(year), max(year) FROM cty.indicator_value")) {
      rs.next();
      years = new BuildYears(rs.getInt(1), rs.getInt(2), rs.getInt(3));
    }
    IndicatorEngine engine =
        new IndicatorEngine(
            null, indicators.catalogue(), new IndicatorDefinitions(ModelCatalog.load()));
    for (var entry : indicators.catalogue().entries()) {
      IndicatorDefinition def = indicators.definition(entry.code());
      if (!RegionIndicators.meanParts(def)) {
        continue;
      }
      Map<Cell, Tally> num = engine.sumOfMean(conn, def, def.numerator(), years);
      Map<Cell, Tally> den = engine.sumOfMean(conn, def, def.denominator(), years);
      Map<Cell, RegionIndicators.MeanTotals[]> cells = new HashMap<>();
      for (Cell cell : num.keySet()) {
        if (!cell.areaCode().equals(county)) {
          continue;
        }
        Tally n = num.get(cell);
        Tally d = den.get(cell);
        cells.put(cell, new RegionIndicators.MeanTotals[] {totals(n), totals(d)});
      }
      for (Cell cell : den.keySet()) {
        if (cell.areaCode().equals(county) && !cells.containsKey(cell)) {
          cells.put(cell, new RegionIndicators.MeanTotals[] {totals(null), totals(den.get(cell))});
        }
      }
      out.computeIfAbsent(county, k -> new HashMap<>()).put(entry.code(), cells);
    }
    return out;
  }

  private static RegionIndicators.MeanTotals totals(Tally t) {
    return t == null || t.amount() == null
        ? new RegionIndicators.MeanTotals(0, 0)
        : new RegionIndicators.MeanTotals(t.amount(), t.records());
  }

  /** county → indicator → cells, turned into indicator → county → cells. */
  private static Map<String, Map<String, Map<Cell, RegionIndicators.MeanTotals[]>>> flip(
      Map<String, Map<String, Map<Cell, RegionIndicators.MeanTotals[]>>> byCounty) {
    Map<String, Map<String, Map<Cell, RegionIndicators.MeanTotals[]>>> out = new HashMap<>();
    byCounty.forEach(
        (county, byCode) ->
            byCode.forEach(
                (code, cells) ->
                    out.computeIfAbsent(code, k -> new HashMap<>()).put(county, cells)));
    return out;
  }

  private static LocalDate lastDelivery(Connection conn) throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT max(delivery_date) FROM cty.etl_delivery WHERE status <> 'refused'")) {
      rs.next();
      java.sql.Date d = rs.getDate(1);
      return d == null ? null : d.toLocalDate();
    }
  }

  /**
   * The region's lake: every dimension, fact and mart of the counties' lakes, one table folder
   * each, Hive-partitioned by {@code county_code} and (where the table has one) {@code year}; and
   * the region's own indicator tables from its snapshot.
   */
  private void writeLake(String version, Map<String, Path> published)
      throws SQLException, IOException {
    VersionedFolder lake = new VersionedFolder(region.home().lake(), 2);
    Path building = lake.prepare(version);
    Map<String, List<String>> tables = new LinkedHashMap<>();
    Map<String, Path> lakes = new LinkedHashMap<>();
    for (RegionFile.County c : region.counties()) {
      if (!published.containsKey(c.code())) {
        continue;
      }
      Optional<Path> countyLake = new VersionedFolder(c.home().lake(), 2).current();
      if (countyLake.isEmpty()) {
        continue;
      }
      lakes.put(c.code(), countyLake.get());
      try (Stream<Path> dirs = Files.list(countyLake.get())) {
        for (Path dir : dirs.sorted().toList()) {
          String table = dir.getFileName().toString();
          if (table.startsWith("dim_") || table.startsWith("fact_") || table.startsWith("mart_")) {
            tables.computeIfAbsent(table, k -> new ArrayList<>()).add(c.code());
          }
        }
      }
    }
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:")) {
      for (var t : tables.entrySet()) {
        List<String> parts = new ArrayList<>();
        for (String county : t.getValue()) {
          String files =
              "read_parquet("
                  + SqlFile.literal(lakes.get(county).resolve(t.getKey()) + "/**/*.parquet")
                  + ", hive_partitioning = true, union_by_name = true)";
          // a table that names its county already (dim_area) has it replaced by the same code
          parts.add(
              hasColumn(conn, "SELECT * FROM " + files, "county_code")
                  ? "SELECT * REPLACE ("
                      + SqlFile.literal(county)
                      + " AS county_code) FROM "
                      + files
                  : "SELECT *, " + SqlFile.literal(county) + " AS county_code FROM " + files);
        }
        String union = String.join(" UNION ALL BY NAME ", parts);
        boolean byYear = hasColumn(conn, union, "year");
        execute(
            conn,
            "COPY ("
                + union
                + ") TO "
                + SqlFile.literal(building.resolve(t.getKey()).toString())
                + " (FORMAT parquet, PARTITION_BY (county_code"
                + (byYear ? ", year" : "")
                + "))");
      }
      Path snapshot = new Snapshots(region.home().snapshots()).requireCurrent();
      execute(conn, "ATTACH " + SqlFile.literal(snapshot.toString()) + " AS r (READ_ONLY)");
      for (String table :
          List.of("indicator", "indicator_value", "indicator_warning", "region_county")) {
        Files.createDirectories(building.resolve(table));
        execute(
            conn,
            "COPY r."
                + table
                + " TO "
                + SqlFile.literal(building.resolve(table).resolve("part-0.parquet").toString())
                + " (FORMAT parquet)");
      }
      execute(conn, "DETACH r");
    }
    lake.publish(building, version);
  }

  private static boolean hasColumn(Connection conn, String query, String column)
      throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("DESCRIBE " + query)) {
      while (rs.next()) {
        if (rs.getString(1).equals(column)) {
          return true;
        }
      }
    }
    return false;
  }

  private static long count(Connection conn, String table) throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void execute(Connection conn, String sql) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute(sql);
    }
  }
}
