package wds.warehouse.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import wds.schemas.sql.SqlFile;

/**
 * One cell of the yearbook's sex-by-age tables: the county's value of a measure (a fact's count:
 * births, insured women, ...) for a 5-year age group, a year and a sex, from {@code mart_sex_age}.
 *
 * @param suppressed the public feed's flag when the cell is withheld; else null
 */
public record SexAgeCell(
    String measure, String ageGroup, int year, String sex, Double value, String suppressed) {

  private static final SqlFile SQL = SqlFile.load("wds/warehouse/report/yearbook_sex_age.sql");

  /** The county's cells of the years {@code first..last} from the report's source. */
  public static List<SexAgeCell> read(Connection c, int first, int last) throws SQLException {
    List<SexAgeCell> cells = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(SQL.sql())) {
      ps.setInt(1, first);
      ps.setInt(2, last);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Object value = rs.getObject("value");
          cells.add(
              new SexAgeCell(
                  rs.getString("measure"),
                  rs.getString("age_group"),
                  rs.getInt("year"),
                  rs.getString("sex_code"),
                  value == null ? null : ((Number) value).doubleValue(),
                  rs.getString("suppressed")));
        }
      }
    }
    return cells;
  }
}
