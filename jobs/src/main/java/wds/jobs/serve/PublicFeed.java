package wds.jobs.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import wds.jobs.WdsHome;

/**
 * The public view's only source: the public feed's {@code indicator_value.parquet} under {@code
 * <home>/public/}, read by an in-memory DuckDB. It never opens the internal snapshot, so it cannot
 * show a value the feed withholds (those are blank there, flagged in {@code suppressed}).
 */
final class PublicFeed {

  private final Path folder;
  private final Path lake;

  PublicFeed(WdsHome home) {
    this.folder = home.publicFeed();
    this.lake = home.lake();
  }

  /**
   * The names of the county and its townships by code, from the lake's {@code dim_area} (a table of
   * names, no values); empty when there is no lake, and the codes are shown instead.
   */
  Map<String, String> areaNames() {
    Map<String, String> names = new java.util.LinkedHashMap<>();
    Path dimArea = lake.resolve("dim_area");
    if (!Files.isDirectory(dimArea)) {
      return names;
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      String files = dimArea.toRealPath().resolve("*.parquet").toString();
      for (Map<String, Object> row : Rows.query(c, "public_areas", files)) {
        names.put((String) row.get("area_code"), (String) row.get("area_name"));
      }
    } catch (SQLException | java.io.IOException e) {
      return names;
    }
    return names;
  }

  /** The feed's indicator file, or {@link NoSnapshotYet} when no feed is published yet. */
  Path indicatorFile() {
    Path file = folder.resolve("indicator_value.parquet");
    if (!Files.isRegularFile(file)) {
      throw new NoSnapshotYet();
    }
    try {
      // the link is swapped whole by each nightly: read the version it names now
      return file.toRealPath();
    } catch (java.io.IOException e) {
      throw new NoSnapshotYet();
    }
  }

  List<Map<String, Object>> indicators(
      Integer year, String area, String sex, String residence, String indicator) {
    Path file = indicatorFile();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      return Rows.query(
          c,
          "public_indicators",
          file.toString(),
          year,
          year,
          area,
          area,
          sex,
          sex,
          residence,
          residence,
          indicator,
          indicator);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the public feed: " + e.getMessage(), e);
    }
  }

  Map<String, Object> years() {
    Path file = indicatorFile();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      return Rows.query(c, "public_years", file.toString()).get(0);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the public feed: " + e.getMessage(), e);
    }
  }
}
