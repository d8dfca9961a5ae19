package wds.warehouse.report;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.OptionalInt;
import wds.schemas.sql.SqlFile;

/**
 * The plan's years and the data years of a published snapshot, as its {@code build_context} records
 * them: what "this year" means to the committee. A report, the dashboard and {@code wds status} all
 * default to {@link #latestCompleteYear()}, never to a provisional year.
 *
 * @param completeYear the latest plan year before the first provisional year that has data; null
 *     when there is none
 */
public record ReportYears(
    String planCode,
    String planName,
    int baselineYear,
    int midTermYear,
    int finalYear,
    LocalDate asOf,
    LocalDate latestDeliveryDate,
    int firstDataYear,
    int lastDataYear,
    int provisionalFromYear,
    Integer completeYear) {

  private static final SqlFile SQL = SqlFile.load("wds/warehouse/report/report_years.sql");

  /** The years of the snapshot open on {@code snapshot}. */
  public static ReportYears read(Connection snapshot) throws SQLException {
    try (Statement st = snapshot.createStatement();
        ResultSet rs = st.executeQuery(SQL.sql())) {
      if (!rs.next()) {
        throw new SQLException("the snapshot has no build_context row");
      }
      return new ReportYears(
          rs.getString("plan_code"),
          rs.getString("plan_name"),
          rs.getInt("baseline_year"),
          rs.getInt("mid_term_year"),
          rs.getInt("final_year"),
          rs.getObject("as_of", LocalDate.class),
          rs.getObject("latest_delivery_date", LocalDate.class),
          rs.getInt("first_year"),
          rs.getInt("last_year"),
          rs.getInt("provisional_from_year"),
          (Integer) rs.getObject("latest_complete_year"));
    }
  }

  /** The latest year of the plan that is complete and has data; empty when none is yet. */
  public OptionalInt latestCompleteYear() {
    return completeYear == null ? OptionalInt.empty() : OptionalInt.of(completeYear);
  }

  /** Whether values of {@code year} can still change (a year still being delivered). */
  public boolean provisional(int year) {
    return year >= provisionalFromYear;
  }

  /** Whether {@code year} is one of the plan's years, baseline included. */
  public boolean inPlan(int year) {
    return year >= baselineYear && year <= finalYear;
  }

  /** Whether the snapshot holds values for {@code year}. */
  public boolean hasData(int year) {
    return year >= firstDataYear && year <= lastDataYear;
  }
}
