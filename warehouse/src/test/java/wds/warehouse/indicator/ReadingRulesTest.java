package wds.warehouse.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static wds.warehouse.OdsFixtureAccess.A_RURAL;
import static wds.warehouse.OdsFixtureAccess.A_URBAN;
import static wds.warehouse.OdsFixtureAccess.B_RURAL;
import static wds.warehouse.OdsFixtureAccess.COUNTY;
import static wds.warehouse.OdsFixtureAccess.TOWN_A;
import static wds.warehouse.OdsFixtureAccess.TOWN_B;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wds.warehouse.OdsFixtureAccess;

/**
 * How a year, an age, an area and a person are read (warehouse.md "Reading a year, an age, an
 * area"), seen through the indicator values and the mart.
 */
class ReadingRulesTest {

  private static OdsFixtureAccess f;

  @BeforeAll
  static void given() throws Exception {
    f = OdsFixtureAccess.fixture();
    f.population(2024, A_RURAL, "2", 30, 10);
    f.population(2024, A_RURAL, "2", 40, 50);
    f.population(2024, B_RURAL, "1", 40, 20);
    // w2: two medical spells active on 31 Dec 2024; w3: a spell ending on 31 Dec 2024;
    // w4: a spell starting on 31 Dec 2024
    spell("I1", "w2", "medical_employee", "2019-01-01", null, A_RURAL);
    spell("I2", "w2", "medical_resident", "2022-06-01", null, A_RURAL);
    spell("I3", "w3", "medical_resident", "2020-01-01", "2024-12-31", A_RURAL);
    spell("I4", "w4", "medical_resident", "2024-12-31", null, A_RURAL);
    // mover: a woman employed in town A and in town B at the end of 2024; m1: a man in town A
    job("E1", "mover", "2", A_URBAN);
    job("E2", "mover", "2", B_RURAL);
    job("E3", "m1", "1", A_URBAN);
    // cervical screening 2020 of a woman who is 64 on 31 Dec 2024; one of a woman aged 34
    screening("C1", "cx", LocalDate.of(1960, 6, 1), LocalDate.of(2020, 5, 1));
    screening("C2", "cy", LocalDate.of(1990, 1, 1), LocalDate.of(2024, 5, 1));
    // births: one on the last day of 2023, one urban and one rural in 2024
    birth("B0", A_URBAN, LocalDate.of(2023, 12, 31));
    birth("B1", A_URBAN, LocalDate.of(2024, 1, 1));
    birth("B2", A_RURAL, LocalDate.of(2024, 7, 1));
    // school year 2016: a girl and a boy in primary grade 1; 2024: the girl in junior grade 3
    student("g1", "2", 2016, "primary", 1);
    student("b1", "1", 2016, "primary", 1);
    student("g1", "2", 2024, "junior", 3);
    f.build();
  }

  @AfterAll
  static void close() throws Exception {
    f.close();
  }

  private static void spell(
      String id, String who, String scheme, String start, String end, String area)
      throws Exception {
    f.row("hr", "insurance")
        .set("spell_id", id)
        .person(who, LocalDate.of(1985, 1, 1), "2")
        .set("scheme", scheme)
        .set("start_date", LocalDate.parse(start))
        .set("end_date", end == null ? null : LocalDate.parse(end))
        .set("area_code", area)
        .insert();
  }

  private static void job(String id, String who, String sex, String area) throws Exception {
    f.row("hr", "employment")
        .set("record_id", id)
        .person(who, LocalDate.of(1980, 1, 1), sex)
        .set("employer_type", "private")
        .set("start_date", LocalDate.of(2020, 1, 1))
        .set("work_area_code", area)
        .insert();
  }

  private static void screening(String id, String who, LocalDate born, LocalDate on)
      throws Exception {
    f.row("health", "cancer_screenings")
        .set("screening_id", id)
        .person(who, born, "2")
        .set("program", "cervical")
        .set("screen_date", on)
        .set("result", "0")
        .set("residence_area_code", A_RURAL)
        .insert();
  }

  private static void birth(String cert, String area, LocalDate date) throws Exception {
    f.row("health", "births")
        .set("cert_no", cert)
        .person("mother_", "mum-" + cert, LocalDate.of(1995, 1, 1), "2")
        .set("child_sex", "1")
        .set("birth_date", date)
        .set("delivery_place", "1")
        .set("delivery_mode", "1")
        .set("residence_area_code", area)
        .insert();
  }

  private static void student(String who, String sex, int year, String type, int grade)
      throws Exception {
    f.row("education", "students")
        .set("student_no", who + year)
        .set("school_year", (long) year)
        .person(who, LocalDate.of(2010, 3, 1), sex)
        .set("sex", sex)
        .set("school_code", "SCH")
        .set("school_type", type)
        .set("grade", (long) grade)
        .set("status", "enrolled")
        .set("school_area_code", TOWN_A)
        .insert();
  }

  private static List<Object> figures(
      String code, int year, String area, String residence, String sex) throws Exception {
    return f.rows(
            "select numerator, denominator from snap.indicator_value where indicator_code = ?"
                + " and year = ? and area_code = ? and residence = ? and sex = ?",
            code,
            year,
            area,
            residence,
            sex)
        .get(0);
  }

  @Test
  void stock_GivenAWomanWithTwoActiveMedicalSpells_ThenSheIsOneInsuredWoman() throws Exception {
    // w2 once, w4 (started on the day); w3's spell ended on 31 Dec: not active
    assertThat(figures("S01", 2024, COUNTY, "all", "2")).containsExactly(2.0, 60.0);
    assertThat(figures("S01", 2023, COUNTY, "all", "2").get(0)).isEqualTo(2.0);
  }

  @Test
  void stock_GivenAPersonInTwoTownships_ThenSheCountsInBothButOnceAtTheCounty() throws Exception {
    assertThat(figures("C01", 2024, COUNTY, "all", "0")).containsExactly(1.0, 2.0);
    assertThat(figures("C01", 2024, TOWN_A, "all", "0")).containsExactly(1.0, 2.0);
    assertThat(figures("C01", 2024, TOWN_B, "all", "0")).containsExactly(1.0, 1.0);
  }

  @Test
  void window_GivenAScreeningFourYearsBack_ThenSheCountsWithHerAgeOn31December() throws Exception {
    // 2024: cx screened 2020 and 64 on 31 Dec 2024 is in; cy, 34 on 31 Dec 2024, is out
    assertThat(figures("H08", 2024, COUNTY, "all", "0")).containsExactly(1.0, 50.0);
    assertThat(f.value("select person_key from snap.fact_cancer_screenings where age_years >= 35"))
        .isEqualTo("cx");
    // 2025: the window 2021-2025 no longer holds cx's 2020 screening; cy has turned 35
    assertThat(figures("H08", 2025, COUNTY, "all", "0").get(0)).isEqualTo(1.0);
  }

  @Test
  void event_GivenABirthOn31December_ThenItCountsInItsDatesYear() throws Exception {
    assertThat(figures("H12", 2023, COUNTY, "all", "0")).containsExactly(1.0, 1.0);
    assertThat(figures("H12", 2024, COUNTY, "all", "0")).containsExactly(2.0, 2.0);
  }

  @Test
  void residence_GivenHealthIndicators_ThenCountyRowsSplitByTheVillagesUrbanRuralClass()
      throws Exception {
    assertThat(figures("H12", 2024, COUNTY, "urban", "0")).containsExactly(1.0, 1.0);
    assertThat(figures("H12", 2024, COUNTY, "rural", "0")).containsExactly(1.0, 1.0);
    assertThat(
            f.rows(
                "select distinct residence from snap.indicator_value where area_code <> ?"
                    + " or indicator_code in ('H08', 'C01', 'S01', 'N01')",
                COUNTY))
        .containsExactly(List.of("all"));
  }

  @Test
  void education_GivenSchoolYears_ThenCountyOnlyBySexWithTheCohortEightYearsBack()
      throws Exception {
    assertThat(figures("E01", 2024, COUNTY, "all", "2")).containsExactly(1.0, 1.0);
    assertThat(figures("E01", 2024, COUNTY, "all", "1")).containsExactly(0.0, 1.0);
    assertThat(figures("E01", 2024, COUNTY, "all", "0")).containsExactly(1.0, 2.0);
    assertThat(
            f.value(
                "select count(*) from snap.indicator_value where indicator_code like 'E%'"
                    + " and area_code <> ?",
                COUNTY))
        .isEqualTo(0L);
  }

  @Test
  void sexRows_GivenBySexOrNot_ThenRows210OrOnly0() throws Exception {
    assertThat(
            f.rows(
                "select distinct sex from snap.indicator_value where indicator_code = 'S01'"
                    + " order by sex"))
        .containsExactly(List.of("0"), List.of("1"), List.of("2"));
    assertThat(f.rows("select distinct sex from snap.indicator_value where indicator_code = 'C01'"))
        .containsExactly(List.of("0"));
  }

  @Test
  void mart_GivenStocksAndPopulation_ThenDistinctPersonsPerCellAndPopulationRolledUp()
      throws Exception {
    assertThat(
            f.rows(
                "select area_code, age_group, value from snap.mart_sex_age where year = 2024"
                    + " and measure = 'insured_medical' and sex_code = '2' order by area_code"))
        .containsExactly(List.of(COUNTY, "35-39", 2.0), List.of(TOWN_A, "35-39", 2.0));
    assertThat(
            f.rows(
                "select area_code, value from snap.mart_sex_age where year = 2024"
                    + " and measure = 'employed' and sex_code = '2' order by area_code"))
        .containsExactly(List.of(COUNTY, 1.0), List.of(TOWN_A, 1.0), List.of(TOWN_B, 1.0));
    assertThat(
            f.rows(
                "select area_level, value from snap.mart_sex_age where year = 2024 and"
                    + " measure = 'population' and sex_code = '2' and age_group = '40-44'"
                    + " order by area_level"))
        .containsExactly(List.of("county", 50.0), List.of("township", 50.0));
    assertThat(
            f.rows(
                "select column_name from information_schema.columns where table_catalog ="
                    + " 'snap' and table_name = 'mart_sex_age' order by ordinal_position"))
        .extracting(r -> r.get(0))
        .containsExactly(
            "year", "area_code", "area_level", "sex_code", "age_group", "measure", "value");
  }

  @Test
  void mart_GivenBirths_ThenCountedByTheMothersAgeGroup() throws Exception {
    assertThat(
            f.rows(
                "select sex_code, age_group, value from snap.mart_sex_age where year = 2024"
                    + " and measure = 'births' and area_code = ?",
                COUNTY))
        .containsExactly(List.of("2", "25-29", 2.0));
  }
}
