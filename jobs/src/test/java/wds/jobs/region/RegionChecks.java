package wds.jobs.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import wds.warehouse.publish.Snapshots;

/**
 * What every region night must publish, whichever partitioning ran it: prefecture figures that are
 * the counties' sums, and a lake that DuckDB reads with Hive partitioning. Shared by the local and
 * the remote mode's tests.
 */
final class RegionChecks {

  private RegionChecks() {}

  /** The region's current snapshot, opened read-only. */
  static Connection snapshot(RegionFile region) throws SQLException {
    return Snapshots.openReadOnly(new Snapshots(region.home().snapshots()).requireCurrent());
  }

  /**
   * Every computed prefecture cell (C04 apart, a ratio of means) holds the summed numerators and
   * denominators of its counties (cells all {@code counties} have), and its value is numerator ×
   * factor / denominator.
   */
  static void assertPrefectureIsSummed(RegionFile region, int counties) throws SQLException {
    try (Connection conn = snapshot(region);
        Statement st = conn.createStatement()) {
      // the counties' sums beside the prefecture's figures, cell by cell; C04 (mean wages) apart
      String sums =
          "with c as (select indicator_code, year, residence, sex, sum(numerator) as num,"
              + " sum(denominator) as den, count(*) as n from indicator_value"
              + " where area_level = 'county' and indicator_code <> 'C04' group by all),"
              + " p as (select * from indicator_value where area_level = 'prefecture'"
              + " and indicator_code <> 'C04' and basis = 'computed')"
              + " select count(*) filter (where c.n = "
              + counties
              + " and (abs(p.numerator - c.num) > 1e-6 * greatest(1, abs(c.num))"
              + "   or coalesce(abs(p.denominator - c.den) > 1e-6 * greatest(1, abs(c.den)), false)"
              + "   or (p.value is not null and p.denominator is not null and p.denominator <> 0"
              + "       and abs(p.value - p.numerator * i.factor / p.denominator)"
              + "           > 1e-9 * greatest(1, abs(p.value))))),"
              + " count(*) filter (where c.n = "
              + counties
              + ")"
              + " from p join c using (indicator_code, year, residence, sex)"
              + " join indicator i on i.code = p.indicator_code";
      try (ResultSet rs = st.executeQuery(sums)) {
        rs.next();
        assertThat(rs.getLong(1)).as("prefecture cells that are not the sums").isZero();
        assertThat(rs.getLong(2)).as("prefecture cells compared").isGreaterThan(100);
      }
    }
  }

  /**
   * The region lake's births open in DuckDB with Hive partitioning: {@code counties} counties, more
   * than five years, and rows in the partition of {@code county} and {@code year}.
   */
  static void assertLakeOpensWithHivePartitioning(
      RegionFile region, int counties, String county, int year) throws SQLException {
    Path lake = region.home().lake();
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = conn.createStatement()) {
      String facts =
          "read_parquet('" + lake + "/fact_births/**/*.parquet', hive_partitioning = true)";
      assertThat(single(st, "select count(distinct county_code) from " + facts))
          .isEqualTo(counties);
      assertThat(single(st, "select count(distinct year) from " + facts)).isGreaterThan(5);
      assertThat(
              single(
                  st,
                  "select count(*) from "
                      + facts
                      + " where county_code = '"
                      + county
                      + "' and year = "
                      + year))
          .isPositive();
    }
  }

  static long single(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
