package wds.jobs.region;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import wds.schemas.sql.SqlFile;
import wds.warehouse.feed.IndicatorCells;
import wds.warehouse.publish.VersionedFolder;

/**
 * The region's public feed ({@code <region home>/public/indicator_value.{csv,parquet}}): the
 * region's {@code indicator_value} with the county's suppression rules applied one level up. In a
 * county feed the township rows are the small ones under the county's total; here the county rows
 * are, under their prefecture's: a county row whose numerator or denominator is 1-4 is withheld
 * (primary) and enough others that none can be worked back from the prefecture's total (secondary),
 * by the same protection ({@link IndicatorCells}) with each county standing where a township
 * stands. Only the {@code all} residence rows are published: the urban/rural split stays in the
 * snapshot and in each county's own feed.
 */
final class RegionFeed {

  private static final Logger log = LoggerFactory.getLogger(RegionFeed.class);

  private final RegionFile region;

  RegionFeed(RegionFile region) {
    this.region = region;
  }

  /** Writes the feed of the region snapshot {@code snapshot} and swaps it in. */
  void write(Path snapshot, String version) throws SQLException, IOException {
    VersionedFolder feed = new VersionedFolder(region.home().publicFeed(), 2);
    Path building = feed.prepare(version);
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:")) {
      RegionWarehouse.execute(
          conn, "ATTACH " + SqlFile.literal(snapshot.toString()) + " AS r (READ_ONLY)");
      // every county's place in its prefecture's block: a code a township would have there
      Map<String, String> stand = new HashMap<>();
      for (RegionFile.Prefecture p : region.prefectures()) {
        stand.put(p.code(), p.code());
        for (String county : p.counties()) {
          stand.put(county, p.code().substring(0, 6) + county.substring(3, 6) + "000");
        }
      }
      List<IndicatorCells.Row> rows = new ArrayList<>();
      Map<List<String>, List<String>> realKey = new HashMap<>();
      try (PreparedStatement ps =
              conn.prepareStatement(SqlFile.load("wds/jobs/region/feed_rows.sql").sql());
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String area = rs.getString(3);
          String placed = stand.get(area);
          if (placed == null) {
            continue; // the province itself: its prefectures are large, it is published whole
          }
          IndicatorCells.Row row =
              new IndicatorCells.Row(
                  rs.getString(1),
                  rs.getString(2),
                  placed,
                  rs.getString(4),
                  rs.getString(5),
                  (Double) rs.getObject(6),
                  (Double) rs.getObject(7));
          rows.add(row);
          realKey.put(
              row.key(),
              List.of(rs.getString(1), rs.getString(2), area, rs.getString(4), rs.getString(5)));
        }
      }
      var withheld = IndicatorCells.protectRows(rows);
      RegionWarehouse.execute(
          conn,
          "CREATE TEMP TABLE feed_flags (indicator_code VARCHAR, year VARCHAR, area_code VARCHAR,"
              + " residence VARCHAR, sex VARCHAR, suppressed VARCHAR, blank_numerator BOOLEAN,"
              + " blank_denominator BOOLEAN)");
      try (PreparedStatement insert =
          conn.prepareStatement("INSERT INTO feed_flags VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (var w : withheld.entrySet()) {
          List<String> key = realKey.get(w.getKey());
          for (int i = 0; i < 5; i++) {
            insert.setString(i + 1, key.get(i));
          }
          insert.setString(6, w.getValue().reason().label());
          insert.setBoolean(7, w.getValue().persons());
          insert.setBoolean(8, w.getValue().denominator() || w.getValue().persons());
          insert.addBatch();
        }
        insert.executeBatch();
      }
      String select = SqlFile.load("wds/jobs/region/public_indicator_value.sql").sql();
      RegionWarehouse.execute(
          conn,
          "COPY ("
              + select
              + ") TO "
              + SqlFile.literal(building.resolve("indicator_value.csv").toString())
              + " (HEADER, DELIMITER ',')");
      RegionWarehouse.execute(
          conn,
          "COPY ("
              + select
              + ") TO "
              + SqlFile.literal(building.resolve("indicator_value.parquet").toString())
              + " (FORMAT parquet)");
      log.info("region feed {}: {} county rows withheld", version, withheld.size());
    }
    feed.publish(building, version);
  }
}
