package wds.warehouse.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static wds.warehouse.OdsFixtureAccess.A_RURAL;
import static wds.warehouse.OdsFixtureAccess.COUNTY;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wds.warehouse.OdsFixtureAccess;
import wds.warehouse.Plan;

/**
 * The engine against hand-computed values: every target operator (lt, ge, approx, up, down,
 * monitor) and every unit (percent, per_100k, per_1000, count, years, ratio), computed and
 * reported, at county level.
 */
class IndicatorEngineTest {

  private static OdsFixtureAccess f;

  @BeforeAll
  static void given() throws Exception {
    f = OdsFixtureAccess.fixture();
    f.delivery("health", "births", LocalDate.of(2025, 3, 2), "loaded");
    f.delivery("health", "births", LocalDate.of(2026, 1, 5), "refused");
    f.population(2024, A_RURAL, "2", 30, 300);
    f.population(2024, A_RURAL, "1", 30, 200);
    // 2020: two births, one in hospital; 2024: ten births in hospital, three by caesarean
    for (int i = 0; i < 2; i++) {
      birth("B20-" + i, LocalDate.of(2020, 6, 1), i == 0 ? "1" : "3", "1");
    }
    for (int i = 0; i < 10; i++) {
      birth("B24-" + i, LocalDate.of(2024, 6, 1), "1", i < 3 ? "2" : "1");
    }
    // 2024: nine pregnancies fully managed (H02 = 9/10 births = 90%); two with haemoglobin
    for (int i = 0; i < 9; i++) {
      pregnancy("P24-" + i, 2024, i == 0 ? Long.valueOf(100) : i == 1 ? Long.valueOf(120) : null);
    }
    // 2020: two pregnancies with haemoglobin, one anaemic (H11 baseline 50%)
    pregnancy("P20-0", 2020, 100L);
    pregnancy("P20-1", 2020, 120L);
    f.row("health", "maternal_deaths")
        .set("case_id", "D1")
        .person("d1", LocalDate.of(1990, 1, 1), "2")
        .set("death_date", LocalDate.of(2024, 8, 1))
        .set("residence_area_code", A_RURAL)
        .set("icd10", "O72")
        .insert();
    // H07: 2024 two uninfected infants and one pending; 2023 one uninfected
    infant("X1", LocalDate.of(2024, 2, 1), "uninfected");
    infant("X2", LocalDate.of(2024, 3, 1), "uninfected");
    infant("X3", LocalDate.of(2024, 4, 1), "pending");
    infant("X4", LocalDate.of(2023, 4, 1), "uninfected");
    // H10: two cervical cancers found in 2024, one treated
    cancer("C1", true);
    cancer("C2", false);
    // C01 (test plan: approx 50 ± 10): three women and two men employed at the end of 2024
    for (int i = 0; i < 5; i++) {
      f.row("hr", "employment")
          .set("record_id", "E" + i)
          .person("e" + i, LocalDate.of(1980, 1, 1), i < 3 ? "2" : "1")
          .set("employer_type", "private")
          .set("start_date", LocalDate.of(2024, 1, 1))
          .set("work_area_code", A_RURAL)
          .insert();
    }
    // S03: one woman insured for maternity at the end of 2020, two at the end of 2024
    maternity("I1", "s1", "2019-01-01");
    maternity("I2", "s2", "2023-01-01");
    // F01 2024: brides aged 24 and 26 and a groom aged 26 marrying first, a divorced groom of 30;
    // F02: one divorce in 2024
    marriage("M1", "marriage", 24, "never", 26, "never");
    marriage("M2", "marriage", 26, "never", 30, "divorced");
    marriage("M3", "divorce", 40, null, 41, null);
    // reported: N02 (ratio, monitor) 2024 only; P01 (percent, up) 2020 and 2024; L01 a township
    report("N02", 2024, COUNTY, 30.0, 20.0, 1.5);
    report("P01", 2020, COUNTY, 20.0, 100.0, 20.0);
    report("P01", 2024, COUNTY, 25.0, 100.0, 25.0);
    report("L01", 2024, OdsFixtureAccess.TOWN_A, null, null, 3.0);
    f.build(Plan.fromClasspath("wds/warehouse/plans/engine-test.yml"), LocalDate.of(2025, 6, 30));
  }

  @AfterAll
  static void close() throws Exception {
    f.close();
  }

  private static void birth(String cert, LocalDate date, String place, String mode)
      throws Exception {
    f.row("health", "births")
        .set("cert_no", cert)
        .person("mother_", "m-" + cert, LocalDate.of(1995, 1, 1), "2")
        .set("child_sex", "2")
        .set("birth_date", date)
        .set("delivery_place", place)
        .set("delivery_mode", mode)
        .set("residence_area_code", A_RURAL)
        .insert();
  }

  private static void pregnancy(String id, int year, Long hemoglobin) throws Exception {
    f.row("health", "pregnancies")
        .set("pregnancy_id", id)
        .person("mother_", "m-" + id, LocalDate.of(1995, 1, 1), "2")
        .set("residence_area_code", A_RURAL)
        .set("first_visit_week", 10L)
        .set("prenatal_visits", 6L)
        .set("outcome", "1")
        .set("outcome_date", LocalDate.of(year, 5, 1))
        .set("postpartum_visit", true)
        .set("hemoglobin_g_l", hemoglobin)
        .insert();
  }

  private static void infant(String id, LocalDate born, String status) throws Exception {
    f.row("health", "hiv_exposed_infants")
        .set("infant_id", id)
        .person("mother_", "m-" + id, LocalDate.of(1995, 1, 1), "2")
        .set("birth_date", born)
        .set("final_status", status)
        .set("residence_area_code", A_RURAL)
        .insert();
  }

  private static void cancer(String id, boolean treated) throws Exception {
    f.row("health", "cancer_screenings")
        .set("screening_id", id)
        .person("w-" + id, LocalDate.of(1975, 1, 1), "2")
        .set("program", "cervical")
        .set("screen_date", LocalDate.of(2024, 3, 1))
        .set("result", "3")
        .set("treated", treated)
        .set("residence_area_code", A_RURAL)
        .insert();
  }

  private static void maternity(String id, String who, String start) throws Exception {
    f.row("hr", "insurance")
        .set("spell_id", id)
        .person(who, LocalDate.of(1990, 1, 1), "2")
        .set("scheme", "maternity")
        .set("start_date", LocalDate.parse(start))
        .set("area_code", A_RURAL)
        .insert();
  }

  private static void marriage(
      String id, String kind, int brideAge, String bridePrior, int groomAge, String groomPrior)
      throws Exception {
    LocalDate on = LocalDate.of(2024, 10, 1);
    f.row("civil", "marriages")
        .set("registration_no", id)
        .set("kind", kind)
        .set("registration_date", on)
        .person("party1_", "bride-" + id, on.minusYears(brideAge), "2")
        .person("party2_", "groom-" + id, on.minusYears(groomAge), "1")
        .set("party1_prior", bridePrior)
        .set("party2_prior", groomPrior)
        .set("registry_area_code", A_RURAL)
        .insert();
  }

  private static void report(
      String code, int year, String area, Double numerator, Double denominator, double value)
      throws Exception {
    f.row("reports", "indicator_reports")
        .set("department", "dept")
        .set("indicator_code", code)
        .set("year", (long) year)
        .set("area_code", area)
        .set("sex", "0")
        .set("numerator", numerator == null ? null : BigDecimal.valueOf(numerator))
        .set("denominator", denominator == null ? null : BigDecimal.valueOf(denominator))
        .set("value", BigDecimal.valueOf(value))
        .insert();
  }

  /** numerator, denominator, value, status, provisional of one county row (residence all). */
  private static List<Object> row(String code, int year, String sex) throws Exception {
    return f.rows(
            "select numerator, denominator, value, status, provisional from snap.indicator_value"
                + " where indicator_code = ? and year = ? and area_code = ? and residence = 'all'"
                + " and sex = ?",
            code,
            year,
            COUNTY,
            sex)
        .get(0);
  }

  private static List<Object> interval(String code, int year) throws Exception {
    return f.rows(
            "select ci_low, ci_high from snap.indicator_value where indicator_code = ? and year = ?"
                + " and area_code = ? and residence = 'all' and sex = '0'",
            code,
            year,
            COUNTY)
        .get(0);
  }

  @Test
  void percentGe_Given9Of10_Then90MetOnTheBound() throws Exception {
    assertThat(row("H02", 2024, "0")).containsExactly(9.0, 10.0, 90.0, "met", false);
    assertThat((Double) interval("H02", 2024).get(0)).isCloseTo(59.58, within(0.01));
  }

  @Test
  void per100kLt_GivenOneDeathIn10Births_Then10000NotMetWithAGarwoodInterval() throws Exception {
    assertThat(row("H01", 2024, "0")).containsExactly(1.0, 10.0, 10000.0, "not_met", false);
    assertThat((Double) interval("H01", 2024).get(0)).isCloseTo(253.2, within(0.1));
    assertThat((Double) interval("H01", 2024).get(1)).isCloseTo(55716.4, within(0.1));
  }

  @Test
  void percentLt_GivenNoInfection_ThenZeroMetAndProvisionalWhileAnInfantIsPending()
      throws Exception {
    assertThat(row("H07", 2024, "0")).containsExactly(0.0, 2.0, 0.0, "met", true);
    assertThat(row("H07", 2023, "0")).containsExactly(0.0, 1.0, 0.0, "met", false);
  }

  @Test
  void percentGe_GivenOneOfTwoCancersTreated_Then50NotMet() throws Exception {
    assertThat(row("H10", 2024, "0")).containsExactly(1.0, 2.0, 50.0, "not_met", false);
  }

  @Test
  void approx_Given3WomenOf5_Then60MetOnTheUpperBoundOfTheTestPlan() throws Exception {
    assertThat(row("C01", 2024, "0")).containsExactly(3.0, 5.0, 60.0, "met", false);
    assertThat(
            f.rows(
                "select target_op, target from snap.indicator_value where indicator_code = 'C01'"
                    + " and year = 2024 and area_code = ?",
                COUNTY))
        .containsExactly(List.of("approx", 50.0));
  }

  @Test
  void up_GivenBaseline50AndNow100_ThenMetAndTheBaselineYearHasNoTarget() throws Exception {
    assertThat(row("H12", 2020, "0")).containsExactly(1.0, 2.0, 50.0, "no_target", false);
    assertThat(row("H12", 2024, "0")).containsExactly(10.0, 10.0, 100.0, "met", false);
  }

  @Test
  void down_GivenBaseline50AndNow50_ThenNotMet() throws Exception {
    assertThat(row("H11", 2020, "0")).containsExactly(1.0, 2.0, 50.0, "no_target", false);
    assertThat(row("H11", 2024, "0")).containsExactly(1.0, 2.0, 50.0, "not_met", false);
  }

  @Test
  void upWithoutBaselineValue_ThenNoTarget() throws Exception {
    // H09 has no screenings or population in 2020: no baseline value to rise above
    assertThat(row("H09", 2024, "0").get(3)).isIn("no_target", "no_data");
    assertThat(
            f.value(
                "select count(*) from snap.indicator_value where indicator_code = 'H12'"
                    + " and area_code = ? and year = 2024 and status = 'met'",
                OdsFixtureAccess.TOWN_B))
        .isEqualTo(0L);
  }

  @Test
  void monitor_Given3CaesareansIn10_Then30NoTarget() throws Exception {
    assertThat(row("H13", 2024, "0")).containsExactly(3.0, 10.0, 30.0, "no_target", false);
  }

  @Test
  void per1000_GivenOneDivorceIn500Residents_Then2PerThousandWithAGarwoodInterval()
      throws Exception {
    assertThat(row("F02", 2024, "0")).containsExactly(1.0, 500.0, 2.0, "no_target", false);
    assertThat((Double) interval("F02", 2024).get(0)).isCloseTo(0.0506, within(0.0001));
    assertThat((Double) interval("F02", 2024).get(1)).isCloseTo(11.1433, within(0.0001));
  }

  @Test
  void countUp_GivenOneThenTwoWomenInsured_ThenTwoMetWithoutInterval() throws Exception {
    assertThat(row("S03", 2020, "0")).containsExactly(1.0, null, 1.0, "no_target", false);
    assertThat(row("S03", 2024, "0")).asList().containsExactly(2.0, null, 2.0, "met", false);
    assertThat(interval("S03", 2024)).containsExactly(null, null);
  }

  @Test
  void years_GivenFirstMarriages_ThenTheMeanAgeBySex() throws Exception {
    assertThat(row("F01", 2024, "2")).containsExactly(50.0, 2.0, 25.0, "no_target", false);
    assertThat(row("F01", 2024, "1")).containsExactly(26.0, 1.0, 26.0, "no_target", false);
    assertThat((Double) row("F01", 2024, "0").get(2)).isCloseTo(25.3333, within(0.0001));
    assertThat(interval("F01", 2024)).containsExactly(null, null);
  }

  @Test
  void reportedRatio_GivenAReturn_ThenItsValueWithoutIntervalAndNoDataWithoutReturn()
      throws Exception {
    assertThat(row("N02", 2024, "0")).containsExactly(30.0, 20.0, 1.5, "no_target", false);
    assertThat(interval("N02", 2024)).containsExactly(null, null);
    assertThat(row("N02", 2023, "0")).containsExactly(null, null, null, "no_data", false);
  }

  @Test
  void reportedPercentUp_GivenBaselineAndLaterReturn_ThenJudgedWithAWilsonInterval()
      throws Exception {
    assertThat(row("P01", 2024, "0")).containsExactly(25.0, 100.0, 25.0, "met", false);
    assertThat((Double) interval("P01", 2024).get(0)).isCloseTo(17.545, within(0.001));
    assertThat(
            f.rows(
                "select basis, area_code, value from snap.indicator_value where indicator_code"
                    + " = 'L01' and year = 2024 order by area_code"))
        .containsExactly(
            Arrays.asList("reported", COUNTY, null),
            List.of("reported", OdsFixtureAccess.TOWN_A, 3.0));
  }

  @Test
  void noDenominator_GivenNoBirthsIn2021_ThenNoData() throws Exception {
    assertThat(row("H01", 2021, "0")).containsExactly(0.0, 0.0, null, "no_data", false);
  }

  @Test
  void provisional_GivenTheLatestLoadedDeliveryIn2025_Then2025IsProvisionalAnd2024Not()
      throws Exception {
    // the refused delivery of 2026 does not count; the data years end in 2025
    assertThat(f.value("select max(year) from snap.indicator_value")).isEqualTo(2025);
    assertThat(f.value("select bool_and(provisional) from snap.indicator_value where year = 2025"))
        .isEqualTo(true);
    assertThat(row("H13", 2024, "0").get(4)).isEqualTo(false);
  }

  @Test
  void everyIndicator_ThenEveryYearFromTheBaselineForCountyAndTownships() throws Exception {
    assertThat(
            f.rows(
                "select count(distinct indicator_code), min(year), max(year) from"
                    + " snap.indicator_value"))
        .containsExactly(List.of(42L, 2020, 2025));
    assertThat(
            f.value(
                "select count(*) from snap.indicator_value where indicator_code = 'H02'"
                    + " and year = 2024"))
        .isEqualTo(5L); // county all, urban, rural; town A; town B
    assertThat(
            f.rows(
                "select column_name from information_schema.columns where table_catalog ="
                    + " 'snap' and table_name = 'indicator_value' order by ordinal_position"))
        .extracting(r -> r.get(0))
        .containsExactly(
            "indicator_code",
            "year",
            "area_code",
            "residence",
            "sex",
            "numerator",
            "denominator",
            "value",
            "ci_low",
            "ci_high",
            "target_op",
            "target",
            "status",
            "basis",
            "provisional");
  }
}
