package wds.warehouse.model;

import static org.assertj.core.api.Assertions.assertThat;
import static wds.warehouse.OdsFixtureAccess.fixture;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import wds.warehouse.OdsFixtureAccess;

class DimensionModelsTest {

  @Test
  void dimArea_GivenTheHierarchy_ThenVillagesKnowTheirTownshipCountyAndUrbanRuralClass()
      throws Exception {
    try (OdsFixtureAccess f = fixture()) {
      f.build();
      assertThat(
              f.rows(
                  "select area_code, area_level, township_code, county_code, urban_rural"
                      + " from snap.dim_area order by area_code"))
          .containsExactly(
              Arrays.asList("652323000000", "county", null, "652323000000", null),
              Arrays.asList("652323100000", "township", "652323100000", "652323000000", null),
              Arrays.asList("652323100001", "village", "652323100000", "652323000000", "urban"),
              Arrays.asList("652323100201", "village", "652323100000", "652323000000", "rural"),
              Arrays.asList("652323200000", "township", "652323200000", "652323000000", null),
              Arrays.asList("652323200201", "village", "652323200000", "652323000000", "rural"));
    }
  }

  @Test
  void dimAreaRollup_GivenAVillage_ThenItRollsUpToItselfItsTownshipAndTheCounty() throws Exception {
    try (OdsFixtureAccess f = fixture()) {
      f.build();
      assertThat(
              f.rows(
                  "select rollup_area_code, rollup_level from snap.dim_area_rollup"
                      + " where area_code = '652323100201' order by rollup_level"))
          .containsExactly(
              Arrays.asList("652323000000", "county"),
              Arrays.asList("652323100000", "township"),
              Arrays.asList("652323100201", "village"));
    }
  }

  @Test
  void dimAge_GivenAges0To100_ThenFiveYearGroupsAndLifeStagesFollow() throws Exception {
    try (OdsFixtureAccess f = fixture()) {
      f.build();
      assertThat(f.value("select count(*) from snap.dim_age")).isEqualTo(101L);
      assertThat(
              f.rows(
                  "select age_years, age_group, is_child, is_childbearing_age, is_screening_age,"
                      + " is_older from snap.dim_age where age_years in (0, 14, 15, 35, 49, 60, 64,"
                      + " 65, 100) order by age_years"))
          .containsExactly(
              List.of(0, "00-04", true, false, false, false),
              List.of(14, "10-14", true, false, false, false),
              List.of(15, "15-19", false, true, false, false),
              List.of(35, "35-39", false, true, true, false),
              List.of(49, "45-49", false, true, true, false),
              List.of(60, "60-64", false, false, true, true),
              List.of(64, "60-64", false, false, true, true),
              List.of(65, "65-69", false, false, false, true),
              List.of(100, "100+", false, false, false, true));
    }
  }

  @Test
  void dimSex_ThenHoldsTheFourCodesOfGbt2261() throws Exception {
    try (OdsFixtureAccess f = fixture()) {
      f.build();
      assertThat(f.rows("select sex_code, sex_name_zh from snap.dim_sex order by sex_code"))
          .containsExactly(
              List.of("0", "未知的性别"), List.of("1", "男"), List.of("2", "女"), List.of("9", "未说明的性别"));
    }
  }

  @Test
  void dimCalendar_ThenOneRowPerDayWithSchoolYearAndPlanPhase() throws Exception {
    try (OdsFixtureAccess f = fixture()) {
      f.build();
      assertThat(
              f.rows(
                  "select school_year, plan_phase, is_year_end, is_mid_term_year from"
                      + " snap.dim_calendar where date_day in (date '2020-12-31', date"
                      + " '2023-09-01') order by date_day"))
          .containsExactly(
              List.of(2020, "baseline", true, false), List.of(2023, "plan", false, true));
      assertThat(f.value("select max(date_day) from snap.dim_calendar").toString())
          .isEqualTo("2025-12-31");
    }
  }
}
