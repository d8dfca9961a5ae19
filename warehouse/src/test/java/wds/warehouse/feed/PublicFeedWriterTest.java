package wds.warehouse.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static wds.warehouse.publish.TestDb.execute;
import static wds.warehouse.publish.TestDb.rows;
import static wds.warehouse.publish.TestDb.value;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.warehouse.publish.TestDb;

class PublicFeedWriterTest {

  @TempDir Path home;
  Path snapshot;

  @BeforeEach
  void snapshot() throws Exception {
    snapshot = home.resolve("snapshots/wds-20250201-020000.duckdb");
    Files.createDirectories(snapshot.getParent());
    try (Connection c = TestDb.open(snapshot)) {
      execute(
          c,
          "CREATE TABLE indicator (code VARCHAR, name_zh VARCHAR, unit VARCHAR)",
          "INSERT INTO indicator VALUES ('H02', '孕产妇系统管理率', 'percent'),"
              + " ('S06', '享受最低生活保障的女性人数', 'count')",
          "CREATE TABLE indicator_value (indicator_code VARCHAR, year INTEGER, area_code VARCHAR,"
              + " residence VARCHAR, sex VARCHAR, numerator DOUBLE, denominator DOUBLE,"
              + " value DOUBLE, ci_low DOUBLE, ci_high DOUBLE, target_op VARCHAR, target DOUBLE,"
              + " status VARCHAR, basis VARCHAR, provisional BOOLEAN)",
          // H02 by township: 3 of 14 in the first township is small (its denominator is not).
          "INSERT INTO indicator_value VALUES"
              + " ('H02', 2024, '652323000000', 'all', '0', 93, 110, 84.5, 76.6, 90.1, 'ge', 90,"
              + " 'not_met', 'computed', false),"
              + " ('H02', 2024, '652323100000', 'all', '0', 3, 14, 21.4, 7.6, 47.6, 'ge', 90,"
              + " 'not_met', 'computed', false),"
              + " ('H02', 2024, '652323101000', 'all', '0', 40, 41, 97.6, 87.4, 99.6, 'ge', 90,"
              + " 'met', 'computed', false),"
              + " ('H02', 2024, '652323102000', 'all', '0', 50, 55, 90.9, 80.4, 96.1, 'ge', 90,"
              + " 'met', 'computed', false),"
              + " ('H02', 2024, '652323100201', 'all', '0', 1, 1, 100, NULL, NULL, 'ge', 90,"
              + " 'met', 'computed', false),"
              // S06, a count by sex: 2 women in the first township.
              + " ('S06', 2024, '652323000000', 'all', '0', NULL, NULL, 95, NULL, NULL,"
              + " 'monitor', NULL, 'no_target', 'computed', true),"
              + " ('S06', 2024, '652323000000', 'all', '2', NULL, NULL, 52, NULL, NULL,"
              + " 'monitor', NULL, 'no_target', 'computed', true),"
              + " ('S06', 2024, '652323000000', 'all', '1', NULL, NULL, 43, NULL, NULL,"
              + " 'monitor', NULL, 'no_target', 'computed', true),"
              + " ('S06', 2024, '652323100000', 'all', '0', NULL, NULL, 22, NULL, NULL,"
              + " 'monitor', NULL, 'no_target', 'computed', true),"
              + " ('S06', 2024, '652323100000', 'all', '2', NULL, NULL, 2, NULL, NULL,"
              + " 'monitor', NULL, 'no_target', 'computed', true),"
              + " ('S06', 2024, '652323100000', 'all', '1', NULL, NULL, 20, NULL, NULL,"
              + " 'monitor', NULL, 'no_target', 'computed', true),"
              + " ('S06', 2024, '652323101000', 'all', '0', NULL, NULL, 73, NULL, NULL,"
              + " 'monitor', NULL, 'no_target', 'computed', true),"
              + " ('S06', 2024, '652323101000', 'all', '2', NULL, NULL, 50, NULL, NULL,"
              + " 'monitor', NULL, 'no_target', 'computed', true),"
              + " ('S06', 2024, '652323101000', 'all', '1', NULL, NULL, 23, NULL, NULL,"
              + " 'monitor', NULL, 'no_target', 'computed', true)",
          "CREATE TABLE mart_sex_age (year INTEGER, area_code VARCHAR, area_level VARCHAR,"
              + " sex_code VARCHAR, age_group VARCHAR, measure VARCHAR, value BIGINT)",
          "INSERT INTO mart_sex_age VALUES"
              + " (2024, '652323000000', 'county', '2', '85-89', 'population', 12),"
              + " (2024, '652323000000', 'county', '2', '90-94', 'population', 7),"
              + " (2024, '652323100000', 'township', '2', '85-89', 'population', 8),"
              + " (2024, '652323100000', 'township', '2', '90-94', 'population', 4),"
              + " (2024, '652323101000', 'township', '2', '85-89', 'population', 4),"
              + " (2024, '652323101000', 'township', '2', '90-94', 'population', 3),"
              + " (2024, '652323100201', 'village', '2', '90-94', 'population', 1)");
    }
  }

  static List<NamedCsvRecord> csv(Path file) throws Exception {
    try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(file)) {
      return reader.stream().toList();
    }
  }

  @Test
  void write_WhenATownshipNumeratorIsSmall_ThenItIsBlankedFlaggedAndASecondTownshipToo()
      throws Exception {
    PublicFeedWriter.Result result = new PublicFeedWriter(home.resolve("public")).write(snapshot);

    List<NamedCsvRecord> values = csv(home.resolve("public/indicator_value.csv"));
    assertThat(values.get(0).getHeader())
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
            "provisional",
            "suppressed");
    NamedCsvRecord small =
        values.stream()
            .filter(r -> r.getField("indicator_code").equals("H02"))
            .filter(r -> r.getField("area_code").equals("652323100000"))
            .findFirst()
            .orElseThrow();
    assertThat(small.getField("suppressed")).isEqualTo("primary");
    assertThat(small.getField("numerator")).isEmpty();
    assertThat(small.getField("value")).isEmpty();
    assertThat(small.getField("ci_low")).isEmpty();
    assertThat(small.getField("ci_high")).isEmpty();
    assertThat(small.getField("status")).isEmpty();
    assertThat(small.getField("denominator")).isEqualTo("14.0");
    assertThat(
            values.stream()
                .filter(r -> r.getField("indicator_code").equals("H02"))
                .map(r -> r.getField("area_code") + " " + r.getField("suppressed")))
        .containsExactly(
            "652323000000 ", "652323100000 primary", "652323101000 secondary", "652323102000 ");
    assertThat(result.withheld().get("indicator_value")).containsEntry(Suppression.PRIMARY, 2L);
  }

  @Test
  void write_WhenWomenAreSmallInACountIndicator_ThenMenAreWithheldAndNoVillageIsPublished()
      throws Exception {
    new PublicFeedWriter(home.resolve("public")).write(snapshot);

    List<NamedCsvRecord> values = csv(home.resolve("public/indicator_value.csv"));
    assertThat(values).noneMatch(r -> r.getField("area_code").equals("652323100201"));
    assertThat(
            values.stream()
                .filter(r -> r.getField("indicator_code").equals("S06"))
                .filter(r -> !r.getField("suppressed").isEmpty())
                .map(
                    r ->
                        r.getField("area_code")
                            + " "
                            + r.getField("sex")
                            + " "
                            + r.getField("suppressed")
                            + " ["
                            + r.getField("value")
                            + "]"))
        .contains("652323100000 2 primary []", "652323100000 1 secondary []");
    List<NamedCsvRecord> mart = csv(home.resolve("public/mart_sex_age.csv"));
    assertThat(mart).noneMatch(r -> r.getField("area_level").equals("village"));
    // the townships' 85-89 and 90-94 are one band, 60+, and no longer small; the county keeps both
    assertThat(
            mart.stream()
                .map(
                    r ->
                        String.join(
                            " ",
                            r.getField("area_code"),
                            r.getField("age_group"),
                            r.getField("value"),
                            r.getField("suppressed"))))
        .containsExactly(
            "652323000000 85-89 12.0 ",
            "652323000000 90-94 7.0 ",
            "652323100000 60+ 12.0 ",
            "652323101000 60+ 7.0 ");
  }

  @Test
  void write_WhenATownshipsBandIsStillSmall_ThenItIsWithheldAndTheShareOfWithheldCellsReported()
      throws Exception {
    Path small = home.resolve("snapshots/wds-20250203-020000.duckdb");
    try (Connection c = TestDb.open(small)) {
      execute(
          c,
          "CREATE TABLE mart_sex_age (year INTEGER, area_code VARCHAR, area_level VARCHAR,"
              + " sex_code VARCHAR, age_group VARCHAR, measure VARCHAR, value DOUBLE)",
          "INSERT INTO mart_sex_age VALUES"
              + " (2024, '652323000000', 'county', '2', '65-69', 'population', 31),"
              + " (2024, '652323000000', 'county', '2', '70-74', 'population', 6),"
              + " (2024, '652323100000', 'township', '2', '65-69', 'population', 1),"
              + " (2024, '652323100000', 'township', '2', '70-74', 'population', 1),"
              + " (2024, '652323101000', 'township', '2', '65-69', 'population', 10),"
              + " (2024, '652323101000', 'township', '2', '70-74', 'population', 5),"
              + " (2024, '652323102000', 'township', '2', '65-69', 'population', 20)");
    }

    PublicFeedWriter.Result result = new PublicFeedWriter(home.resolve("public")).write(small);

    assertThat(
            csv(home.resolve("public/mart_sex_age.csv")).stream()
                .map(
                    r ->
                        String.join(
                            " ",
                            r.getField("area_code"),
                            r.getField("age_group"),
                            r.getField("value"),
                            r.getField("suppressed"))))
        .containsExactly(
            "652323000000 65-69 31.0 ",
            "652323000000 70-74 6.0 ",
            "652323100000 60+  primary",
            // 2 + 15 + 20 = 37, the county's 31 + 6: a second township must go
            "652323101000 60+  secondary",
            "652323102000 60+ 20.0 ");
    assertThat(result.townships().get("mart_sex_age"))
        .isEqualTo(new PublicFeedWriter.TownshipCells(3, 2));
    assertThat(result.summary())
        .isEqualTo("mart_sex_age 5 rows, township cells withheld 2 of 3 (66.7%)");
  }

  @Test
  void write_WhenATownshipDenominatorIsSmall_ThenTheWholeRowAndAnotherDenominatorAreWithheld()
      throws Exception {
    // C02 2020: 1 woman of 2 urban-unit employees in the first township (issue 9's case)
    Path small = home.resolve("snapshots/wds-20250202-020000.duckdb");
    try (Connection c = TestDb.open(small)) {
      execute(
          c,
          "CREATE TABLE indicator (code VARCHAR, name_zh VARCHAR, unit VARCHAR)",
          "INSERT INTO indicator VALUES ('C02', '城镇单位就业人员中女性比例', 'percent')",
          "CREATE TABLE indicator_value (indicator_code VARCHAR, year INTEGER, area_code VARCHAR,"
              + " residence VARCHAR, sex VARCHAR, numerator DOUBLE, denominator DOUBLE,"
              + " value DOUBLE, ci_low DOUBLE, ci_high DOUBLE, target_op VARCHAR, target DOUBLE,"
              + " status VARCHAR, basis VARCHAR, provisional BOOLEAN)",
          "INSERT INTO indicator_value VALUES"
              + " ('C02', 2020, '652323000000', 'all', '0', 81, 202, 40.1, 33.6, 47.0, 'approx',"
              + " 40, 'met', 'computed', false),"
              + " ('C02', 2020, '652323100000', 'all', '0', 60, 150, 40.0, 32.5, 48.0, 'approx',"
              + " 40, 'met', 'computed', false),"
              + " ('C02', 2020, '652323101000', 'all', '0', 20, 50, 40.0, 27.6, 53.8, 'approx',"
              + " 40, 'met', 'computed', false),"
              + " ('C02', 2020, '652323401000', 'all', '0', 1, 2, 50.0, 9.5, 90.5, 'approx', 40,"
              + " 'not_met', 'computed', false)");
    }

    PublicFeedWriter.Result result = new PublicFeedWriter(home.resolve("public")).write(small);

    List<NamedCsvRecord> values = csv(home.resolve("public/indicator_value.csv"));
    assertThat(
            values.stream()
                .map(
                    r ->
                        String.join(
                            " ",
                            r.getField("area_code"),
                            r.getField("numerator"),
                            r.getField("denominator"),
                            r.getField("value"),
                            r.getField("status"),
                            r.getField("suppressed"))))
        .containsExactly(
            "652323000000 81.0 202.0 40.1 met ",
            "652323100000 60.0 150.0 40.0 met ",
            // the smallest other township protects both the numerator and the denominator
            "652323101000     secondary",
            "652323401000     primary");
    assertThat(result.withheld().get("indicator_value"))
        .containsEntry(Suppression.PRIMARY, 1L)
        .containsEntry(Suppression.SECONDARY, 1L);
  }

  @Test
  void write_WhenRunTwiceOnTheSameSnapshot_ThenTheFeedIsTheSameByteForByte() throws Exception {
    PublicFeedWriter.Result first = new PublicFeedWriter(home.resolve("first")).write(snapshot);
    PublicFeedWriter.Result second = new PublicFeedWriter(home.resolve("second")).write(snapshot);

    for (String file : List.of("indicator_value.csv", "mart_sex_age.csv")) {
      assertThat(Files.readAllBytes(second.folder().resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(first.folder().resolve(file)));
    }
  }

  @Test
  void write_WhenReadAsParquet_ThenItHoldsTheSameRowsAsTheCsv() throws Exception {
    new PublicFeedWriter(home.resolve("public")).write(snapshot);
    Path feed = home.resolve("public");

    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      for (String table : PublicFeedWriter.TABLES) {
        String parquet = "read_parquet('" + feed.resolve(table + ".parquet") + "')";
        String csv =
            "read_csv('" + feed.resolve(table + ".csv") + "', header = true, all_varchar = true)";
        assertThat(value(c, "SELECT count(*) FROM " + parquet))
            .isEqualTo(value(c, "SELECT count(*) FROM " + csv));
        assertThat(rows(c, "SELECT count(*) FROM " + parquet + " WHERE suppressed IS NOT NULL"))
            .isEqualTo(rows(c, "SELECT count(*) FROM " + csv + " WHERE suppressed IS NOT NULL"));
      }
      assertThat(
              value(
                  c,
                  "SELECT count(*) FROM read_parquet('"
                      + feed.resolve("indicator_value.parquet")
                      + "') WHERE suppressed IS NOT NULL AND (value IS NOT NULL OR numerator IS NOT NULL)"))
          .isEqualTo("0");
    }
  }
}
