package wds.schemas.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlFileTest {

  private static final String DIR = "wds/schemas/sql/";

  @Test
  void aMissingResourceIsAnErrorNamingIt() {
    assertThatThrownBy(() -> SqlFile.load(DIR + "nowhere.sql"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("wds/schemas/sql/nowhere.sql");
  }

  @Test
  void aMissingResourceIsEmptyWhenLookedFor() {
    assertThat(SqlFile.find(DIR + "nowhere.sql")).isEmpty();
  }

  @Test
  void aFileBesideAClassIsFoundInItsPackage() {
    SqlFile file = SqlFile.load(SqlFileTest.class, "one_slot.sql");

    assertThat(file.resource()).isEqualTo(DIR + "one_slot.sql");
    assertThat(file.text()).startsWith("SELECT {{  column }}");
  }

  @Test
  void aPlainTextResourceIsReadAsItIs() {
    assertThat(SqlFile.text(DIR + "plain.yml")).isEqualTo("a: 1\n");
  }

  @Test
  void slotsWithOrWithoutSpacesAreFilledAndExtraValuesIgnored() {
    String sql =
        SqlFile.load(DIR + "one_slot.sql")
            .render(Map.of("column", "\"c\"", "table", "\"t\"", "unused", "x"));

    assertThat(sql).isEqualTo("SELECT \"c\" FROM \"t\" WHERE x = ?\n");
  }

  @Test
  void anUnfilledSlotIsAnErrorNamingTheFileAndTheSlot() {
    SqlFile file = SqlFile.load(DIR + "one_slot.sql");

    assertThatThrownBy(() -> file.render(Map.of("table", "\"t\"")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("wds/schemas/sql/one_slot.sql")
        .hasMessageContaining("{{column}}");
  }

  @Test
  void aFileWithSlotsIsNotSqlAsItIs() {
    assertThatThrownBy(() -> SqlFile.load(DIR + "one_slot.sql").sql())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{{column}}");
  }

  @Test
  void aSlotThatIsNotANameIsAnErrorNamingTheFileAndTheSlot() {
    assertThatThrownBy(() -> SqlFile.load(DIR + "bad_slot.sql").render(Map.of("column", "c")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("wds/schemas/sql/bad_slot.sql")
        .hasMessageContaining("{{ col-umn }}");
  }

  @Test
  void aValueLookingLikeASlotIsPlacedAsItIs() {
    String sql =
        new SqlFile("inline", "SELECT {{a}}, {{b}}").render(Map.of("a", "{{b}}", "b", "$1"));

    assertThat(sql).isEqualTo("SELECT {{b}}, $1");
  }

  @Test
  void commentLinesAreDroppedOnlyWhenAsked() {
    SqlFile file = SqlFile.load(DIR + "two_statements.sql");

    assertThat(file.text()).contains("-- A comment line");
    assertThat(file.withoutComments().text())
        .isEqualTo(
            "CREATE TABLE {{table}} (id INTEGER);\n"
                + "INSERT INTO {{ table }} SELECT ? WHERE 'a;b' <> ?;");
  }

  @Test
  void statementsAreSplitWhereALineEndsInASemicolon() {
    List<String> statements =
        SqlFile.load(DIR + "two_statements.sql")
            .withoutComments()
            .statements(Map.of("table", "\"t\""));

    assertThat(statements)
        .containsExactly(
            "CREATE TABLE \"t\" (id INTEGER)", "INSERT INTO \"t\" SELECT ? WHERE 'a;b' <> ?");
  }

  @Test
  void theOneStatementOfAFileIsRefusedWhenItHoldsMore() {
    SqlFile file = SqlFile.load(DIR + "two_statements.sql").withoutComments();

    assertThat(new SqlFile("inline", "SELECT 1;\n").statement(Map.of())).isEqualTo("SELECT 1");
    assertThatThrownBy(() -> file.statement(Map.of("table", "t")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("wds/schemas/sql/two_statements.sql holds 2 statements");
  }

  @Test
  void anyNameIsQuotedWithItsQuotesDoubled() {
    assertThat(SqlFile.quote("births")).isEqualTo("\"births\"");
    assertThat(SqlFile.quote("county \"a\".duckdb")).isEqualTo("\"county \"\"a\"\".duckdb\"");
    assertThatThrownBy(() -> SqlFile.quote("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aNameIsQuotedInTheDatabasesMarkOrLeftAsItIsWhenTheDatabaseQuotesNothing() {
    assertThat(SqlFile.quote("a`b", "`")).isEqualTo("`a``b`");
    assertThat(SqlFile.quote("births", " ")).isEqualTo("births");
    assertThat(SqlFile.quote("births", null)).isEqualTo("births");
  }

  @Test
  void aPlainIdentifierIsQuoted() {
    assertThat(SqlFile.identifier("fact_birth_2")).isEqualTo("\"fact_birth_2\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "a\"b", "x; drop table y", "1a", "a--"})
  void aNameThatIsNotAPlainIdentifierIsRefusedAsOne(String name) {
    assertThatThrownBy(() -> SqlFile.identifier(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a plain SQL identifier");
  }

  @Test
  void anExpressionIsStripped() {
    assertThat(SqlFile.expression("A.yml", " weight_g < 2500 ")).isEqualTo("weight_g < 2500");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1; drop table x", "1 -- x", "1 /* x */", " "})
  void anExpressionWithASeparatorOrACommentOrNothingIsRefusedNamingItsFile(String expression) {
    assertThatThrownBy(() -> SqlFile.expression("A.yml", expression))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("A.yml: ");
  }

  @Test
  void aLiteralHasItsQuotesDoubled() {
    assertThat(SqlFile.literal("/data/o'brien.duckdb")).isEqualTo("'/data/o''brien.duckdb'");
  }
}
