package wds.warehouse.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wds.warehouse.OdsFixtureAccess;

/** The quality gate finds what the tests beside the models forbid, and identity numbers. */
class ModelTestsTest {

  private static OdsFixtureAccess f;

  @BeforeAll
  static void given() throws Exception {
    f = OdsFixtureAccess.fixture();
    f.population(2024, OdsFixtureAccess.A_RURAL, "2", 30, 10);
    f.build();
  }

  @AfterAll
  static void close() throws Exception {
    f.close();
  }

  @Test
  void failures_GivenACleanBuild_ThenNone() throws Exception {
    assertThat(new ModelTests().failures(f.conn(), "snap")).isEmpty();
  }

  @Test
  void failures_GivenBrokenRows_ThenEachFaultIsNamedWithItsModelAndTest() throws Exception {
    f.execute("create table snap.broken_backup as select * from snap.fact_population");
    try {
      f.execute(
          "insert into snap.fact_population (year, area_code, sex_code, age_years, persons)"
              + " values (2024, '652323999999', '2', 30, 5), (2024, '652323100201', '2', 30, -1)");
      assertThat(new ModelTests().failures(f.conn(), "snap"))
          .anySatisfy(m -> assertThat(m).startsWith("fact_population: unique(year, area_code"))
          .anySatisfy(
              m ->
                  assertThat(m)
                      .isEqualTo(
                          "fact_population: relationships(area_code -> dim_area.area_code) fails"
                              + " for 1 rows"))
          .anySatisfy(m -> assertThat(m).startsWith("fact_population: non_negative(persons"));
    } finally {
      f.execute("create or replace table snap.fact_population as select * from snap.broken_backup");
      f.execute("drop table snap.broken_backup");
    }
  }

  @Test
  void failures_GivenAnIdentityNumberInAnyTextColumn_ThenFlagged() throws Exception {
    f.execute("create table snap.leak (note varchar)");
    try {
      f.execute("insert into snap.leak values ('G65232319900101123X'), ('ok 6523231990')");
      assertThat(new ModelTests().failures(f.conn(), "snap"))
          .containsExactly("leak: note holds 1 identity-number-like values");
    } finally {
      f.execute("drop table snap.leak");
    }
  }

  @Test
  void failures_GivenALegacyNumberOfExactlyFifteenDigits_ThenFlagged() throws Exception {
    // the shortest value the check must find: 15 bytes, the length below which it reads no text
    f.execute("create table snap.legacy (note varchar)");
    try {
      f.execute("insert into snap.legacy values ('652323900101123'), ('65232390010112')");
      assertThat(new ModelTests().failures(f.conn(), "snap"))
          .containsExactly("legacy: note holds 1 identity-number-like values");
    } finally {
      f.execute("drop table snap.legacy");
    }
  }

  @Test
  void failures_GivenAPseudonymWithADateShapedRunOfDigits_ThenNotFlagged() throws Exception {
    f.execute("create table snap.keys (person_key varchar, note varchar)");
    try {
      // a real HMAC key of a demo run: "379108196008200365" between the hex letters f and a
      f.execute(
          "insert into snap.keys values"
              + " ('013268b59e9c2ab7bef379108196008200365a4047691f84accb4895993cf37a', null),"
              + " (null, 'x013268b59e9c2ab7bef379108196008200365a4047691f84accb4895993cf37a'),"
              + " (null, '013268B59E9C2AB7BEF379108196008200365A4047691F84ACCB4895993CF37A')");
      assertThat(new ModelTests().failures(f.conn(), "snap"))
          .as("the pseudonym passes; the same text as part of a longer value, or in capitals, not")
          .containsExactly("keys: note holds 2 identity-number-like values");
    } finally {
      f.execute("drop table snap.keys");
    }
  }

  @Test
  void failures_GivenFaultsOfEveryKind_ThenOneStatementFindsWhatOneQueryPerTestFinds()
      throws Exception {
    f.execute("create table snap.value_backup as select * from snap.indicator_value");
    f.execute("create table snap.area_backup as select * from snap.dim_area");
    f.execute("create table snap.leak (note varchar)");
    try {
      // a copy without the table's constraints, so that a null can be written
      f.execute("create or replace table snap.indicator_value as select * from snap.value_backup");
      f.execute(
          "update snap.indicator_value set residence = 'suburb', numerator = -1,"
              + " status = null, area_code = 'nowhere' where rowid = (select min(rowid) from"
              + " snap.indicator_value)");
      f.execute(
          "insert into snap.dim_area select * replace ('x' || area_code as area_code,"
              + " 'city' as area_level) from snap.dim_area limit 2");
      f.execute("insert into snap.leak values ('652323199001011234'), ('652323900101123')");
      ModelTests tests = new ModelTests();
      List<String> together = tests.together(f.conn(), "snap");
      assertThat(together)
          .as("each kind of test, counted in the one statement, its values bound in order")
          .contains(
              "indicator_value: accepted_values(residence in [all, urban, rural]) fails for 1"
                  + " rows",
              "indicator_value: not_null(indicator_code, year, area_code, residence, sex,"
                  + " status, basis, provisional) fails for 1 rows",
              "indicator_value: non_negative(numerator, denominator) fails for 1 rows",
              "indicator_value: relationships(area_code -> dim_area.area_code) fails for 1 rows",
              "dim_area: accepted_values(area_level in [county, township, village]) fails for 2"
                  + " rows",
              "leak: note holds 2 identity-number-like values")
          .anySatisfy(m -> assertThat(m).startsWith("indicator_value: expression("));
      assertThat(together).isEqualTo(tests.oneByOne(f.conn(), "snap"));
      assertThat(tests.failures(f.conn(), "snap")).isEqualTo(together);
    } finally {
      f.execute("drop table snap.leak");
      f.execute("create or replace table snap.dim_area as select * from snap.area_backup");
      f.execute("drop table snap.area_backup");
      f.execute("create or replace table snap.indicator_value as select * from snap.value_backup");
      f.execute("drop table snap.value_backup");
    }
  }

  @Test
  void failures_GivenOneTableFailingTestsOfSeveralKinds_ThenEachIsCountedApartInItsOneScan()
      throws Exception {
    // not_null, non_negative and the identity-number check of one table are counted by one
    // aggregate over it: each keeps its own rows, its own message and its place in the order
    f.execute("create table snap.population_backup as select * from snap.fact_population");
    try {
      f.execute(
          "insert into snap.fact_population (year, area_code, sex_code, age_years, persons)"
              + " values (2024, '110101199003071234', '2', 30, null),"
              + " (2024, '652323100201', '2', -1, -3), (2023, '652323100201', '2', -2, 4)");
      ModelTests tests = new ModelTests();
      List<String> together = tests.together(f.conn(), "snap");
      assertThat(together)
          .containsSubsequence(
              "fact_population: not_null(year, area_code, sex_code, age_years, persons) fails"
                  + " for 1 rows",
              "fact_population: non_negative(persons, age_years) fails for 3 rows",
              "fact_population: relationships(area_code -> dim_area.area_code) fails for 1 rows",
              "fact_population: relationships(age_years -> dim_age.age_years) fails for 2 rows",
              "fact_population: area_code holds 1 identity-number-like values");
      assertThat(together).isEqualTo(tests.oneByOne(f.conn(), "snap"));
    } finally {
      f.execute(
          "create or replace table snap.fact_population as select * from snap.population_backup");
      f.execute("drop table snap.population_backup");
    }
  }

  @Test
  void failures_GivenATestThatCannotRun_ThenTheErrorOfThatTestAlone() throws Exception {
    f.execute("alter table snap.dim_sex rename column sex_code to sex_code_hidden");
    try {
      ModelTests tests = new ModelTests();
      SQLException alone =
          catchThrowableOfType(SQLException.class, () -> tests.oneByOne(f.conn(), "snap"));
      assertThat(alone.getMessage()).isNotBlank();
      assertThatThrownBy(() -> tests.failures(f.conn(), "snap"))
          .isInstanceOf(SQLException.class)
          .hasMessage(alone.getMessage());
    } finally {
      f.execute("alter table snap.dim_sex rename column sex_code_hidden to sex_code");
    }
  }

  @Test
  void failures_GivenAMissingModelTable_ThenNamed() throws Exception {
    f.execute("alter table snap.mart_sex_age rename to mart_hidden");
    try {
      assertThat(new ModelTests().failures(f.conn(), "snap"))
          .contains("mart_sex_age: table missing from snap");
    } finally {
      f.execute("alter table snap.mart_hidden rename to mart_sex_age");
    }
  }

  @Test
  void everyModel_ThenItsYmlStatesTheGrain_AndEveryTableDeclaresTests() {
    for (Model model : ModelCatalog.load().models()) {
      assertThat(model.grain()).as(model.name()).startsWith("One row");
      if (model.view()) {
        // a view is not in the snapshot the gate tests; the facts that read it carry its tests
        assertThat(model.tests()).as(model.name()).isEmpty();
      } else {
        assertThat(model.tests()).as(model.name()).isNotEmpty();
      }
      if (!model.engineTable()) {
        assertThat(model.sql()).as(model.name()).contains("select * from final");
      }
    }
  }
}
