package wds.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static wds.jobs.nightly.NightlyRuns.COUNTY;
import static wds.jobs.nightly.NightlyRuns.count;
import static wds.jobs.nightly.NightlyRuns.query;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.pipeline.synthetic.CountyGenerator;
import wds.pipeline.synthetic.GeneratorSettings;

/**
 * The early warnings and the public feed of a nightly run on a generated county delivered on 15
 * January 2026, two weeks into the year after the plan's final year (so 2026 is provisional), read
 * from what was published: the warning rules of warehouse.md and the feed's small-cell rules.
 */
class PublishedWarningsAndFeedTest {

  static final int FINAL_YEAR = 2025;
  static final String TOWNSHIPS =
      "(SELECT area_code FROM snap.dim_area WHERE area_level = 'township')";

  @TempDir static Path tmp;
  static Path home;
  static NightlyRuns.Run run;

  @BeforeAll
  static void runTheNightlyJobOnAGeneratedCounty() throws Exception {
    home = tmp.resolve("home");
    Path drop = tmp.resolve("drop");
    CountyGenerator.generate(GeneratorSettings.defaults().withPersons(4_000).withSeed(23), drop);
    NightlyRuns.secret(home);
    run = NightlyRuns.nightly(home, drop);
    assertThat(run.exitCode()).as("nightly exit code; output:\n%s", run.output()).isZero();
  }

  static Connection snapshot() throws Exception {
    Connection c = NightlyRuns.memory();
    c.createStatement()
        .execute(
            "ATTACH '"
                + home.resolve("snapshots/current.duckdb").toRealPath()
                + "' AS snap (READ_ONLY)");
    return c;
  }

  static String feed(String table, String format) {
    Path file = home.resolve("public").resolve(table + "." + format);
    return format.equals("csv")
        ? "read_csv('"
            + file
            + "', header = true, types = {'area_code': 'VARCHAR', 'suppressed': 'VARCHAR', "
            + (table.equals("mart_sex_age")
                ? "'sex_code': 'VARCHAR', 'age_group': 'VARCHAR'})"
                : "'sex': 'VARCHAR'})")
        : "read_parquet('" + file + "')";
  }

  @Test
  void warnings_OnProvisionalValues_AreOnlySmallNumbersAndNoData() throws Exception {
    try (Connection c = snapshot()) {
      assertThat(count(c, "SELECT count(*) FROM snap.indicator_value WHERE provisional"))
          .as("provisional values in the published warehouse")
          .isPositive();
      assertThat(
              query(
                  c,
                  "SELECT DISTINCT w.kind FROM snap.indicator_warning w JOIN snap.indicator_value v"
                      + " USING (indicator_code, year, area_code, residence, sex)"
                      + " WHERE v.provisional ORDER BY 1"))
          .allSatisfy(kind -> assertThat(kind.get(0)).isIn("small_numbers", "no_data"));
    }
  }

  @Test
  void warnings_InThePlansFinalYear_MakeNoProjection() throws Exception {
    try (Connection c = snapshot()) {
      assertThat(
              count(
                  c,
                  "SELECT count(*) FROM snap.indicator_value WHERE year = "
                      + FINAL_YEAR
                      + " AND NOT provisional AND value IS NOT NULL"))
          .as("observed values in the final year")
          .isPositive();
      assertThat(
              count(
                  c,
                  "SELECT count(*) FROM snap.indicator_warning WHERE kind = 'projected_miss'"
                      + " AND year >= "
                      + FINAL_YEAR))
          .isZero();
    }
  }

  @Test
  void warnings_IndicatorsWithoutIntervals_AreJudgedVolatileAtCountyLevelOnly() throws Exception {
    try (Connection c = snapshot()) {
      assertThat(
              query(
                  c,
                  "SELECT w.indicator_code, w.year, w.area_code FROM snap.indicator_warning w"
                      + " JOIN snap.indicator i ON i.code = w.indicator_code"
                      + " WHERE w.kind = 'volatile' AND i.unit IN ('count', 'years', 'ratio')"
                      + " AND w.area_code <> '"
                      + COUNTY
                      + "'"))
          .as("township volatile warnings of counts, years and ratios (F01 among them)")
          .isEmpty();
      assertThat(
              query(
                  c,
                  "SELECT DISTINCT message FROM snap.indicator_warning WHERE indicator_code = 'F01'"))
          .allSatisfy(
              m -> assertThat((String) m.get(0)).contains("平均初婚年龄").doesNotContain("女性平均初婚年龄"));
    }
  }

  @Test
  void feed_HoldsNoTownshipRowWithANumeratorOrDenominatorOfOneToFour() throws Exception {
    try (Connection c = snapshot()) {
      assertThat(
              count(
                  c,
                  "SELECT count(*) FROM snap.indicator_value WHERE area_code IN "
                      + TOWNSHIPS
                      + " AND (denominator BETWEEN 1 AND 4)"))
          .as("township denominators of 1-4 in the snapshot (what the feed must withhold)")
          .isPositive();
      for (String format : List.of("csv", "parquet")) {
        String values = feed("indicator_value", format);
        assertThat(
                count(
                    c,
                    "SELECT count(*) FROM "
                        + values
                        + " WHERE area_code IN "
                        + TOWNSHIPS
                        + " AND (numerator BETWEEN 1 AND 4 OR denominator BETWEEN 1 AND 4)"))
            .as("township rows with a numerator or denominator of 1-4 published (%s)", format)
            .isZero();
        assertThat(
                count(
                    c,
                    "SELECT count(*) FROM snap.indicator_value s JOIN "
                        + values
                        + " v ON s.indicator_code = v.indicator_code AND s.year = v.year"
                        + " AND s.area_code = v.area_code AND s.residence = v.residence"
                        + " AND s.sex = v.sex WHERE s.area_code IN "
                        + TOWNSHIPS
                        + " AND (s.numerator BETWEEN 1 AND 4 OR s.denominator BETWEEN 1 AND 4)"
                        + " AND (v.suppressed IS DISTINCT FROM 'primary' OR v.value IS NOT NULL)"))
            .as("small township rows not withheld as primary (%s)", format)
            .isZero();
      }
    }
  }

  @Test
  void feed_NoWithheldNumeratorOrDenominatorFollowsFromTheTownshipsAndTheCounty() throws Exception {
    try (Connection c = snapshot()) {
      for (String column : List.of("numerator", "denominator")) {
        Map<List<String>, Double> published = new HashMap<>();
        Set<List<String>> withheld = new java.util.HashSet<>();
        Map<List<String>, List<List<String>>> townships = new HashMap<>();
        for (List<Object> r :
            query(
                c,
                "SELECT indicator_code, year::varchar, sex, area_code, "
                    + column
                    + ", suppressed FROM "
                    + feed("indicator_value", "csv")
                    + " WHERE residence = 'all'")) {
          List<String> cell =
              List.of((String) r.get(0), (String) r.get(1), (String) r.get(2), (String) r.get(3));
          if (r.get(4) != null) {
            published.put(cell, ((Number) r.get(4)).doubleValue());
          } else if (r.get(5) != null) {
            withheld.add(cell);
          }
          if (!cell.get(3).equals(COUNTY)) {
            townships.computeIfAbsent(cell.subList(0, 3), k -> new ArrayList<>()).add(cell);
          }
        }
        List<Sum> sums = new ArrayList<>();
        townships.forEach(
            (line, parts) -> {
              List<String> total = new ArrayList<>(line);
              total.add(COUNTY);
              sums.add(new Sum(total, parts));
            });
        Map<List<String>, Double> known = subtract(published, sums);
        assertThat(withheld)
            .as("withheld %ss that follow by subtraction", column)
            .noneMatch(known::containsKey);
      }
    }
  }

  @Test
  void feed_MartTownshipsAreInBroadBandsTheCountyInFiveYearGroups_AndTheWithheldShareIsReported()
      throws Exception {
    try (Connection c = snapshot()) {
      String mart = feed("mart_sex_age", "csv");
      assertThat(
              query(
                  c,
                  "SELECT DISTINCT age_group FROM "
                      + mart
                      + " WHERE area_code IN "
                      + TOWNSHIPS
                      + " ORDER BY 1"))
          .extracting(r -> r.get(0))
          .containsExactly("00-14", "15-34", "35-59", "60+");
      assertThat(
              query(
                  c,
                  "SELECT DISTINCT age_group FROM " + mart + " WHERE area_code = '" + COUNTY + "'"))
          .extracting(r -> r.get(0))
          .contains("00-04", "05-09", "60-64", "100+");
      long cells = count(c, "SELECT count(*) FROM " + mart + " WHERE area_code IN " + TOWNSHIPS);
      long withheld =
          count(
              c,
              "SELECT count(*) FROM "
                  + mart
                  + " WHERE area_code IN "
                  + TOWNSHIPS
                  + " AND suppressed IS NOT NULL");
      assertThat(
              count(
                  c,
                  "SELECT count(*) FROM "
                      + mart
                      + " WHERE area_code IN "
                      + TOWNSHIPS
                      + " AND value BETWEEN 1 AND 4"))
          .isZero();
      Matcher reported =
          Pattern.compile(
                  "mart_sex_age [0-9]+ rows, township cells withheld ([0-9,]+) of ([0-9,]+)")
              .matcher(run.output());
      assertThat(reported.find())
          .as("the withheld share in the output:\n%s", run.output())
          .isTrue();
      assertThat(reported.group(1).replace(",", "")).isEqualTo(String.valueOf(withheld));
      assertThat(reported.group(2).replace(",", "")).isEqualTo(String.valueOf(cells));
    }
  }

  @Test
  void feed_NoWithheldTownshipBandFollowsFromTheCountysFiveYearGroups() throws Exception {
    try (Connection c = snapshot()) {
      String mart = feed("mart_sex_age", "csv");
      Map<List<String>, Double> published = new HashMap<>();
      List<List<String>> withheld = new ArrayList<>();
      Map<List<String>, List<List<String>>> countyGroups = new HashMap<>();
      Map<List<String>, List<List<String>>> townshipBands = new HashMap<>();
      Set<String> townships = new TreeSet<>();
      for (List<Object> r :
          query(
              c,
              "SELECT year::varchar, measure, sex_code, area_code, age_group, value, suppressed FROM "
                  + mart)) {
        List<String> cell =
            List.of(
                (String) r.get(0),
                (String) r.get(1),
                (String) r.get(2),
                (String) r.get(3),
                (String) r.get(4));
        if (r.get(5) != null) {
          published.put(cell, ((Number) r.get(5)).doubleValue());
        } else {
          withheld.add(cell);
        }
        List<String> band = new ArrayList<>(cell.subList(0, 3));
        band.add(cell.get(3).equals(COUNTY) ? band(cell.get(4)) : cell.get(4));
        (cell.get(3).equals(COUNTY) ? countyGroups : townshipBands)
            .computeIfAbsent(band, k -> new ArrayList<>())
            .add(cell);
        if (!cell.get(3).equals(COUNTY)) {
          townships.add(cell.get(3));
        }
      }
      List<Sum> sums = new ArrayList<>();
      Set<List<String>> lines = new java.util.HashSet<>(countyGroups.keySet());
      lines.addAll(townshipBands.keySet());
      for (List<String> line : lines) {
        List<String> countyBand = new ArrayList<>(line);
        countyBand.add(0, "county band");
        sums.add(new Sum(countyBand, countyGroups.getOrDefault(line, List.of())));
        List<List<String>> parts = new ArrayList<>();
        for (String township : townships) {
          List<String> cell = List.of(line.get(0), line.get(1), line.get(2), township, line.get(3));
          parts.add(cell);
          if (!published.containsKey(cell) && !withheld.contains(cell)) {
            published.put(cell, 0.0); // absent: no one
          }
        }
        sums.add(new Sum(countyBand, parts));
      }
      Map<List<String>, Double> known = subtract(published, sums);
      assertThat(withheld).isNotEmpty().noneMatch(known::containsKey);
    }
  }

  /** The default band of a 5-year group label ({@code 05-09} → {@code 00-14}). */
  static String band(String group) {
    int from = Integer.parseInt(group.replaceAll("[^0-9].*$", ""));
    return from < 15 ? "00-14" : from < 35 ? "15-34" : from < 60 ? "35-59" : "60+";
  }

  /** A total and its parts. */
  record Sum(List<String> total, List<List<String>> parts) {}

  /** Where a total and all its parts but one are known, subtract; repeat until nothing follows. */
  static Map<List<String>, Double> subtract(Map<List<String>, Double> published, List<Sum> sums) {
    Map<List<String>, Double> known = new HashMap<>(published);
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Sum sum : sums) {
        List<List<String>> cells = new ArrayList<>(sum.parts());
        cells.add(sum.total());
        List<List<String>> unknown = cells.stream().filter(x -> !known.containsKey(x)).toList();
        if (unknown.size() != 1) {
          continue;
        }
        List<String> target = unknown.get(0);
        double parts =
            sum.parts().stream().filter(known::containsKey).mapToDouble(known::get).sum();
        known.put(target, target.equals(sum.total()) ? parts : known.get(sum.total()) - parts);
        progress = true;
      }
    }
    return known;
  }
}
