package wds.warehouse.model;

import static org.assertj.core.api.Assertions.assertThat;
import static wds.warehouse.OdsFixtureAccess.A_RURAL;
import static wds.warehouse.OdsFixtureAccess.A_URBAN;
import static wds.warehouse.OdsFixtureAccess.B_RURAL;
import static wds.warehouse.OdsFixtureAccess.TOWN_A;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wds.warehouse.OdsFixtureAccess;

/** Given small ODS rows, each fact model reads year, age, area and person as warehouse.md says. */
class FactModelsTest {

  private static OdsFixtureAccess f;

  @BeforeAll
  static void given() throws Exception {
    f = OdsFixtureAccess.fixture();
    // a birth: the mother born 1995-05-01 gives birth on 2024-04-30 (28) and on 2024-05-01 (29)
    birth("B1", "mum", LocalDate.of(2024, 4, 30), false);
    birth("B2", "mum", LocalDate.of(2024, 5, 1), false);
    birth("B3", "mum", LocalDate.of(2024, 6, 1), true);
    // a woman born on 29 February is 0 on 28 February of a common year, 1 on 1 March
    f.row("health", "cancer_screenings")
        .set("screening_id", "S1")
        .person("leap", LocalDate.of(1980, 2, 29), "2")
        .set("program", "breast")
        .set("screen_date", LocalDate.of(2023, 2, 28))
        .set("result", "0")
        .set("residence_area_code", A_URBAN)
        .insert();
    f.row("civil", "marriages")
        .set("registration_no", "M1")
        .set("kind", "marriage")
        .set("registration_date", LocalDate.of(2022, 10, 1))
        .person("party1_", "groom", LocalDate.of(1995, 1, 1), "1")
        .person("party2_", "bride", LocalDate.of(1998, 12, 1), "2")
        .set("party1_prior", "divorced")
        .set("party2_prior", "never")
        .set("registry_area_code", TOWN_A)
        .insert();
    f.row("hr", "insurance")
        .set("spell_id", "I1")
        .person("ins", LocalDate.of(1990, 7, 1), "2")
        .set("scheme", "medical_resident")
        .set("start_date", LocalDate.of(2021, 3, 1))
        .set("area_code", B_RURAL)
        .insert();
    f.row("health", "pregnancies")
        .set("pregnancy_id", "P1")
        .person("mother_", "mum", LocalDate.of(1995, 5, 1), "2")
        .set("residence_area_code", A_RURAL)
        .set("registration_date", LocalDate.of(2024, 11, 2))
        .set("outcome", "4")
        .insert();
    f.row("health", "maternal_deaths")
        .set("case_id", "D1")
        .person("dead", LocalDate.of(1990, 1, 1), "2")
        .set("death_date", LocalDate.of(2023, 5, 5))
        .set("residence_area_code", A_RURAL)
        .set("icd10", "O96.1")
        .insert();
    // one person registered twice in school year 2024: counted once, the record still at school
    student("st1", 2024, "junior", 3, "transferred_out", "S-OLD");
    student("st1", 2024, "junior", 3, "enrolled", "S-NEW");
    f.build();
  }

  private static void birth(String cert, String mother, LocalDate date, boolean deleted)
      throws Exception {
    f.row("health", "births")
        .set("cert_no", cert)
        .person("mother_", mother, LocalDate.of(1995, 5, 1), "2")
        .set("child_sex", "2")
        .set("birth_date", date)
        .set("delivery_place", "1")
        .set("delivery_mode", "1")
        .set("residence_area_code", A_RURAL)
        .set("deleted", deleted)
        .insert();
  }

  private static void student(
      String key, int year, String type, int grade, String status, String studentNo)
      throws Exception {
    f.row("education", "students")
        .set("student_no", studentNo)
        .set("school_year", (long) year)
        .person(key, LocalDate.of(2010, 10, 1), "2")
        .set("sex", "2")
        .set("school_code", studentNo)
        .set("school_type", type)
        .set("grade", (long) grade)
        .set("status", status)
        .set("school_area_code", TOWN_A)
        .insert();
  }

  @AfterAll
  static void close() throws Exception {
    f.close();
  }

  @Test
  void
      factBirths_GivenCertificates_ThenTheMotherIsThePersonAgedOnTheBirthDateAndDeletedRowsAreLeftOut()
          throws Exception {
    assertThat(
            f.rows(
                "select cert_no, person_key, sex_code, age_years, year, area_code, township_code,"
                    + " residence from snap.fact_births order by cert_no"))
        .containsExactly(
            List.of("B1", "mum", "2", 28, 2024, A_RURAL, TOWN_A, "rural"),
            List.of("B2", "mum", "2", 29, 2024, A_RURAL, TOWN_A, "rural"));
  }

  @Test
  void factCancerScreenings_GivenALeapDayBirth_ThenSheTurnsOlderOnFirstMarch() throws Exception {
    assertThat(f.rows("select age_years, year, residence from snap.fact_cancer_screenings"))
        .containsExactly(List.of(42, 2023, "urban"));
  }

  @Test
  void factMarriages_GivenOneRegistration_ThenOneRowPerPartyWithHerOrHisAgeAndPriorStatus()
      throws Exception {
    assertThat(
            f.rows(
                "select registration_no, party, person_key, sex_code, age_years, prior_status,"
                    + " kind, year, area_code from snap.fact_marriages order by party"))
        .containsExactly(
            List.of("M1", 1, "groom", "1", 27, "divorced", "marriage", 2022, TOWN_A),
            List.of("M1", 2, "bride", "2", 23, "never", "marriage", 2022, TOWN_A));
  }

  @Test
  void factInsurance_GivenASpell_ThenAgeAndYearAreReadAtItsStart() throws Exception {
    assertThat(f.rows("select age_years, year, start_date, end_date from snap.fact_insurance"))
        .containsExactly(Arrays.asList(30, 2021, LocalDate.of(2021, 3, 1), null));
  }

  @Test
  void factPregnancies_GivenAnOngoingPregnancy_ThenItIsDatedByItsRegistration() throws Exception {
    assertThat(f.rows("select event_date, year, age_years from snap.fact_pregnancies"))
        .containsExactly(List.of(LocalDate.of(2024, 11, 2), 2024, 29));
  }

  @Test
  void factMaternalDeaths_GivenAnO96Death_ThenItIsFlaggedLate() throws Exception {
    assertThat(f.value("select is_late_maternal_death from snap.fact_maternal_deaths"))
        .isEqualTo(true);
  }

  @Test
  void factStudents_GivenAPersonRegisteredTwiceInAYear_ThenOneRowTheRecordAtSchoolWins()
      throws Exception {
    assertThat(
            f.rows(
                "select person_key, school_year, status, school_code, age_years"
                    + " from snap.fact_students"))
        .containsExactly(List.of("st1", 2024, "enrolled", "S-NEW", 13));
    assertThat(
            f.value(
                "select count(*) from information_schema.columns where table_catalog = 'snap'"
                    + " and column_name = 'student_no'"))
        .isEqualTo(0L);
  }

  @Test
  void everyPersonFact_ThenCarriesPersonKeySexAgeAreaAndYear() throws Exception {
    for (var model : ModelCatalog.load().models()) {
      if (!model.layer().equals("facts")
          || model.name().equals("fact_population")
          || model.name().equals("fact_indicator_reports")) {
        continue;
      }
      assertThat(
              f.rows(
                  "select column_name from information_schema.columns where table_catalog ="
                      + " 'snap' and table_name = ? and column_name in ('person_key', 'sex_code',"
                      + " 'age_years', 'area_code', 'year') order by column_name",
                  model.name()))
          .as(model.name())
          .hasSize(5);
    }
  }
}
