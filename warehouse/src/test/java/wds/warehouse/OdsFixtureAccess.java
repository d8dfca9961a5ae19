package wds.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * The ODS fixture opened to tests in other packages: an in-memory operational layer with the small
 * county of {@link OdsFixture#county()}, queries against it, and a build into {@code snap}.
 */
public final class OdsFixtureAccess implements AutoCloseable {

  public static final String COUNTY = OdsFixture.COUNTY;
  public static final String TOWN_A = OdsFixture.TOWN_A;
  public static final String TOWN_B = OdsFixture.TOWN_B;
  public static final String A_URBAN = OdsFixture.A_URBAN;
  public static final String A_RURAL = OdsFixture.A_RURAL;
  public static final String B_RURAL = OdsFixture.B_RURAL;

  private final OdsFixture fixture;

  private OdsFixtureAccess(OdsFixture fixture) {
    this.fixture = fixture;
  }

  /** A fresh in-memory operational layer holding the small county. */
  public static OdsFixtureAccess fixture() throws SQLException {
    return new OdsFixtureAccess(OdsFixture.create().county());
  }

  public Connection conn() {
    return fixture.conn;
  }

  public OdsFixture.Row row(String source, String extract) {
    return fixture.row(source, extract);
  }

  public void population(int year, String area, String sex, int age, long persons)
      throws SQLException {
    fixture.population(year, area, sex, age, persons);
  }

  public void delivery(String source, String extract, LocalDate date, String status)
      throws SQLException {
    fixture.delivery(source, extract, date, status);
  }

  public BuildResult build() throws SQLException {
    return fixture.build();
  }

  public BuildResult build(Plan plan, LocalDate asOf) throws SQLException {
    return fixture.build(plan, asOf);
  }

  public void execute(String sql) throws SQLException {
    fixture.execute(sql);
  }

  public List<List<Object>> rows(String sql, Object... params) throws SQLException {
    return fixture.rows(sql, params);
  }

  public Object value(String sql, Object... params) throws SQLException {
    return fixture.value(sql, params);
  }

  @Override
  public void close() throws SQLException {
    fixture.close();
  }
}
