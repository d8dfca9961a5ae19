package wds.warehouse.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static wds.warehouse.OdsFixtureAccess.A_RURAL;
import static wds.warehouse.OdsFixtureAccess.A_URBAN;
import static wds.warehouse.OdsFixtureAccess.B_RURAL;
import static wds.warehouse.OdsFixtureAccess.COUNTY;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wds.schemas.sql.SqlFile;
import wds.warehouse.OdsFixtureAccess;
import wds.warehouse.Plan;
import wds.warehouse.model.ModelCatalog;

/**
 * The engine's passes per fact ({@link FactPasses}) against its parts one by one (part_cells.sql's
 * count(distinct), the reference) on spells of awkward shapes: a person in two places in some years
 * and not others, overlapping, adjacent and duplicated spells, a sex or a residence that changes or
 * is missing, areas without cells, null persons, null and 29 February births, null starts, spells
 * ending before they start or on 31 December, and spells reaching back over 62 years (the distinct
 * passes keep a value's years as the bits of a 62-year chunk, fact_distinct_cells.sql).
 */
class FactPassesTest {

  private static OdsFixtureAccess f;

  @BeforeAll
  static void given() throws Exception {
    f = OdsFixtureAccess.fixture();
    f.population(2024, A_RURAL, "2", 30, 10);
    f.population(2024, B_RURAL, "1", 40, 20);
    f.build();
    Connection conn = f.conn();
    try (Statement st = conn.createStatement()) {
      // the facts as the models leave them, with the shapes the models would pass on
      st.execute(
          """
          insert into snap.fact_insurance by name
          select
              'X' || row_number() over () as spell_id,
              person_key, sex_code, person_birth_date,
              start_date, end_date, year(start_date)::integer as year,
              area_code, residence, scheme
          from (values
              -- two places in 2021-2022 only
              ('mover', '2', date '1980-05-01', date '2015-01-01', null::date, '%1$s', 'urban', 'medical_employee'),
              ('mover', '2', date '1980-05-01', date '2021-03-01', date '2023-06-30', '%3$s', 'rural', 'medical_resident'),
              ('mover', '2', date '1980-05-01', date '2019-01-01', null, '%3$s', 'rural', 'pension_resident'),
              -- adjacent, overlapping and duplicated spells in one place
              ('still', '2', date '1990-07-01', date '2018-01-01', date '2021-12-31', '%2$s', 'rural', 'medical_resident'),
              ('still', '2', date '1990-07-01', date '2022-01-01', null, '%2$s', 'rural', 'medical_resident'),
              ('still', '2', date '1990-07-01', date '2020-06-01', date '2024-12-31', '%2$s', 'rural', 'medical_resident'),
              ('still', '2', date '1990-07-01', date '2020-06-01', date '2024-12-31', '%2$s', 'rural', 'medical_resident'),
              ('still', '2', date '1990-07-01', date '2017-01-01', null, '%2$s', 'rural', 'maternity'),
              -- 29 February births: 16 on 31 December 2024 and 2020
              ('leap', '1', date '2008-02-29', date '2020-01-01', null, '%2$s', 'rural', 'pension_resident'),
              ('leap2', '2', date '2004-02-29', date '2019-05-01', null, '%3$s', 'rural', 'pension_resident'),
              -- a sex that changes, a residence that is missing, no sex
              ('turns', '1', date '1970-01-01', date '2016-01-01', date '2022-07-01', '%2$s', 'rural', 'medical_employee'),
              ('turns', '2', date '1970-01-01', date '2020-01-01', null, '%2$s', 'rural', 'medical_resident'),
              ('nores', '2', date '1975-01-01', date '2016-01-01', null, '%2$s', null, 'medical_resident'),
              ('nores', '2', date '1975-01-01', date '2016-01-01', null, '%2$s', 'rural', 'pension_resident'),
              ('nosex', null, date '1975-01-01', date '2016-01-01', null, '%3$s', 'rural', 'medical_resident'),
              -- an area without cells beside one with, and alone
              ('away', '2', date '1985-01-01', date '2016-01-01', null, '999999999999', null, 'medical_resident'),
              ('away', '2', date '1985-01-01', date '2020-01-01', null, '%3$s', 'rural', 'medical_resident'),
              ('gone', '1', date '1985-01-01', date '2016-01-01', null, '999999999999', null, 'medical_resident'),
              -- null persons, null birth, null start, ending before starting, 31 December edges
              (null, '2', date '1985-01-01', date '2016-01-01', null, '%2$s', 'rural', 'medical_resident'),
              (null, '2', date '1985-01-01', date '2016-01-01', null, '%3$s', 'rural', 'medical_resident'),
              ('nobirth', '2', null, date '2016-01-01', null, '%3$s', 'rural', 'pension_resident'),
              ('nostart', '2', date '1985-01-01', null, null, '%3$s', 'rural', 'medical_resident'),
              ('backwards', '2', date '1985-01-01', date '2023-01-01', date '2021-01-01', '%3$s', 'rural', 'medical_resident'),
              ('edges', '2', date '1985-01-01', date '2021-12-31', date '2023-12-31', '%2$s', 'rural', 'work_injury'),
              -- over 62 years back: one place, then two places in the first chunk and the second
              ('old', '2', date '1940-01-01', date '1955-01-01', null, '%2$s', 'rural', 'medical_resident'),
              ('old2', '2', date '1940-01-01', date '1955-01-01', date '2021-01-01', '%2$s', 'rural', 'unemployment'),
              ('old2', '2', date '1940-01-01', date '1958-01-01', date '1961-06-01', '%3$s', 'rural', 'unemployment'),
              ('old2', '2', date '1940-01-01', date '2015-01-01', null, '%3$s', 'rural', 'unemployment')
          ) as t(person_key, sex_code, person_birth_date, start_date, end_date, area_code,
              residence, scheme)
          """
              .formatted(A_URBAN, A_RURAL, B_RURAL));
      // employment: a person in two townships, then one
      st.execute(
          """
          insert into snap.fact_employment by name
          select 'Y' || row_number() over () as record_id, *, year(start_date)::integer as year
          from (values
              ('two', '2', date '1980-01-01', date '2019-01-01', date '2022-12-31', '%1$s', 'urban', 'private'),
              ('two', '2', date '1980-01-01', date '2020-01-01', null::date, '%2$s', 'rural', 'private'),
              ('one', '1', date '1980-01-01', date '1958-01-01', null, '%2$s', 'rural', 'state')
          ) as t(person_key, sex_code, person_birth_date, start_date, end_date, area_code,
              residence, employer_type)
          """
              .formatted(A_URBAN, B_RURAL));
      st.execute("set search_path = 'snap.main'");
    }
  }

  @AfterAll
  static void close() throws Exception {
    f.close();
  }

  private static List<Area> areas() throws SQLException {
    List<Area> areas = new ArrayList<>();
    try (Statement st = f.conn().createStatement();
        ResultSet rs = st.executeQuery(SqlFile.load("wds/warehouse/engine/areas.sql").sql())) {
      while (rs.next()) {
        areas.add(new Area(rs.getString(1), rs.getString(2), rs.getString(3)));
      }
    }
    return areas;
  }

  private static List<IndicatorValue> values(IndicatorEngine.Passes passes, BuildYears years)
      throws SQLException {
    Plan plan = Plan.standard();
    return new IndicatorEngine(
            plan, plan.indicators(), new IndicatorDefinitions(ModelCatalog.load()), passes)
        .compute(f.conn(), years, areas());
  }

  private static double numerator(List<IndicatorValue> values, String code, int year, String sex) {
    return values.stream()
        .filter(v -> v.code().equals(code) && v.cell().equals(new Cell(year, COUNTY, "all", sex)))
        .findFirst()
        .orElseThrow()
        .numerator();
  }

  @Test
  void tally_GivenAwkwardSpells_ThenEveryValueEqualsThePartByPartCount() throws Exception {
    BuildYears years = new BuildYears(2016, 2025, 2025);
    List<IndicatorValue> perFact = values(IndicatorEngine.Passes.PER_FACT, years);
    assertThat(perFact).isEqualTo(values(IndicatorEngine.Passes.PER_PART, years));
    // the comparison compared something: mover, still, turns, nores, away (not gone), old and
    // edges' neighbours insured for medical care at the end of 2022, women and all
    assertThat(numerator(perFact, "S01", 2022, "0")).isGreaterThan(5.0);
  }

  @Test
  void tally_GivenYearsOverTwoChunks_ThenEveryValueEqualsThePartByPartCount() throws Exception {
    // 1950-2025: 76 years, bits of two chunks (1950-2011, 2012-2025)
    BuildYears years = new BuildYears(1950, 2025, 2025);
    List<IndicatorValue> perFact = values(IndicatorEngine.Passes.PER_FACT, years);
    assertThat(perFact).isEqualTo(values(IndicatorEngine.Passes.PER_PART, years));
    // old2 in two places in 1958-1960, one in 1961-2014, two again from 2015 to 2020
    assertThat(numerator(perFact, "S04", 1959, "0")).isEqualTo(1.0);
    assertThat(numerator(perFact, "S04", 2012, "0")).isEqualTo(1.0);
    assertThat(numerator(perFact, "S04", 2018, "0")).isEqualTo(1.0);
  }
}
