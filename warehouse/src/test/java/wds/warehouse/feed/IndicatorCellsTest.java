package wds.warehouse.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IndicatorCellsTest {

  static final String COUNTY = "652323000000";
  static final List<String> TOWNSHIPS =
      List.of("652323100000", "652323101000", "652323102000", "652323103000", "652323104000");

  static IndicatorCells.Row row(String area, String residence, String sex, double persons) {
    return new IndicatorCells.Row("S01", "2024", area, residence, sex, persons);
  }

  static List<String> key(String area, String residence, String sex) {
    return List.of("S01", "2024", area, residence, sex);
  }

  static List<String> rateKey(String area, String residence, String sex) {
    return List.of("C02", "2020", area, residence, sex);
  }

  @Test
  void protect_WhenOneTownshipInARowIsSmall_ThenASecondTownshipIsWithheldButNotTheCounty() {
    List<IndicatorCells.Row> rows = new ArrayList<>();
    double[] values = {3, 40, 12, 0, 25};
    for (int i = 0; i < TOWNSHIPS.size(); i++) {
      rows.add(row(TOWNSHIPS.get(i), "all", "0", values[i]));
    }
    rows.add(row(COUNTY, "all", "0", 80));

    Map<List<String>, Suppression> withheld = IndicatorCells.protect(rows);

    assertThat(withheld)
        .containsOnly(
            Map.entry(key(TOWNSHIPS.get(0), "all", "0"), Suppression.PRIMARY),
            // the smallest non-zero township: a zero is often known to be empty
            Map.entry(key(TOWNSHIPS.get(2), "all", "0"), Suppression.SECONDARY));
  }

  @Test
  void protect_WhenWomenAreSmallInATownship_ThenMenThereAreWithheldToo() {
    List<IndicatorCells.Row> rows = new ArrayList<>();
    // township 0: women 2, men 30, all 32; the other townships are large.
    rows.add(row(TOWNSHIPS.get(0), "all", "2", 2));
    rows.add(row(TOWNSHIPS.get(0), "all", "1", 30));
    rows.add(row(TOWNSHIPS.get(0), "all", "0", 32));
    for (String township : TOWNSHIPS.subList(1, 3)) {
      rows.add(row(township, "all", "2", 20));
      rows.add(row(township, "all", "1", 21));
      rows.add(row(township, "all", "0", 41));
    }
    rows.add(row(COUNTY, "all", "2", 42));
    rows.add(row(COUNTY, "all", "1", 72));
    rows.add(row(COUNTY, "all", "0", 114));

    Map<List<String>, Suppression> withheld = IndicatorCells.protect(rows);

    assertThat(withheld).containsEntry(key(TOWNSHIPS.get(0), "all", "2"), Suppression.PRIMARY);
    assertThat(withheld).containsEntry(key(TOWNSHIPS.get(0), "all", "1"), Suppression.SECONDARY);
    assertThat(withheld.keySet()).noneMatch(k -> k.get(2).equals(COUNTY));
    assertNothingFollows(rows, withheld);
  }

  @Test
  void protect_WhenATownshipIsWithheld_ThenTheCountyUrbanRuralSplitOfThatSexIsWithheld() {
    List<IndicatorCells.Row> rows = new ArrayList<>();
    rows.add(row(TOWNSHIPS.get(0), "all", "0", 1));
    rows.add(row(TOWNSHIPS.get(1), "all", "0", 9));
    rows.add(row(TOWNSHIPS.get(2), "all", "0", 20));
    rows.add(row(COUNTY, "all", "0", 30));
    rows.add(row(COUNTY, "urban", "0", 10));
    rows.add(row(COUNTY, "rural", "0", 20));

    Map<List<String>, Suppression> withheld = IndicatorCells.protect(rows);

    assertThat(withheld)
        .containsEntry(key(COUNTY, "urban", "0"), Suppression.SECONDARY)
        .containsEntry(key(COUNTY, "rural", "0"), Suppression.SECONDARY)
        .doesNotContainKey(key(COUNTY, "all", "0"));
  }

  @Test
  void protect_WhenNothingIsSmallOrCellsAreCountyLevel_ThenNothingIsWithheld() {
    List<IndicatorCells.Row> rows =
        List.of(
            row(COUNTY, "all", "0", 3),
            row(TOWNSHIPS.get(0), "all", "0", 0),
            row(TOWNSHIPS.get(1), "all", "0", 3));

    assertThat(IndicatorCells.protect(List.of(rows.get(0), rows.get(1)))).isEmpty();
    assertThat(IndicatorCells.protect(rows))
        .containsEntry(key(TOWNSHIPS.get(1), "all", "0"), Suppression.PRIMARY)
        // the only other township is zero; it is withheld since nothing else will do
        .containsEntry(key(TOWNSHIPS.get(0), "all", "0"), Suppression.SECONDARY);
  }

  static Stream<Long> seeds() {
    return LongStream.range(0, 200).boxed();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void protect_ForRandomTables_ThenEverySmallCellIsWithheldAndNoneFollowsBySubtraction(long seed) {
    Random random = new Random(seed);
    int townships = 2 + random.nextInt(4);
    boolean bySex = random.nextBoolean();
    List<IndicatorCells.Row> rows = new ArrayList<>();
    Map<String, double[]> bySexValues = new HashMap<>();
    double[] county = new double[3];
    for (String township : TOWNSHIPS.subList(0, townships)) {
      double women = small(random);
      double men = small(random);
      bySexValues.put(township, new double[] {women + men, men, women});
      county[0] += women + men;
      county[1] += men;
      county[2] += women;
    }
    bySexValues.put(COUNTY, county);
    bySexValues.forEach(
        (area, v) -> {
          rows.add(row(area, "all", "0", v[0]));
          if (bySex) {
            rows.add(row(area, "all", "1", v[1]));
            rows.add(row(area, "all", "2", v[2]));
          }
        });

    Map<List<String>, Suppression> withheld = IndicatorCells.protect(rows);

    for (IndicatorCells.Row row : rows) {
      if (SmallCells.isPrimary(row.area(), row.persons())) {
        assertThat(withheld).containsEntry(row.key(), Suppression.PRIMARY);
      }
    }
    assertNothingFollows(rows, withheld);
  }

  @Test
  void
      protectRows_WhenATownshipDenominatorIsSmall_ThenItsRowIsPrimaryAndTheDenominatorIsWithheld() {
    List<IndicatorCells.Row> rows =
        List.of(
            rate(TOWNSHIPS.get(0), "0", 0, 3),
            rate(TOWNSHIPS.get(1), "0", 12, 40),
            rate(TOWNSHIPS.get(2), "0", 30, 90),
            rate(COUNTY, "0", 42, 133));

    Map<List<String>, IndicatorCells.Withheld> withheld = IndicatorCells.protectRows(rows);

    // 0 of 3 is no small numerator, but the 3 are few: the whole row goes
    assertThat(withheld)
        .containsOnly(
            Map.entry(
                rateKey(TOWNSHIPS.get(0), "all", "0"),
                new IndicatorCells.Withheld(Suppression.PRIMARY, true, true)),
            Map.entry(
                rateKey(TOWNSHIPS.get(1), "all", "0"),
                new IndicatorCells.Withheld(Suppression.SECONDARY, true, true)));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void protectRows_ForRandomRates_ThenNoSmallNumeratorOrDenominatorIsPublishedOrFollows(long seed) {
    Random random = new Random(seed);
    int townships = 2 + random.nextInt(4);
    List<IndicatorCells.Row> rows = new ArrayList<>();
    double numerators = 0;
    double denominators = 0;
    for (String township : TOWNSHIPS.subList(0, townships)) {
      double denominator = small(random);
      double numerator = random.nextInt((int) denominator + 1);
      rows.add(rate(township, "0", numerator, denominator));
      numerators += numerator;
      denominators += denominator;
    }
    rows.add(rate(COUNTY, "0", numerators, denominators));

    Map<List<String>, IndicatorCells.Withheld> withheld = IndicatorCells.protectRows(rows);

    Map<List<String>, Double> numeratorsSeen = new HashMap<>();
    Map<List<String>, Double> denominatorsSeen = new HashMap<>();
    for (IndicatorCells.Row row : rows) {
      IndicatorCells.Withheld w = withheld.get(row.key());
      boolean small =
          SmallCells.isPrimary(row.area(), row.persons())
              || SmallCells.isPrimary(row.area(), row.denominator());
      if (small) {
        assertThat(w).isNotNull();
        assertThat(w.reason()).isEqualTo(Suppression.PRIMARY);
        assertThat(w.persons()).isTrue();
      }
      if (SmallCells.isPrimary(row.area(), row.denominator())) {
        assertThat(w.denominator()).isTrue();
      }
      if (w == null || !w.persons()) {
        numeratorsSeen.put(row.key(), row.persons());
      }
      if (w == null || !w.denominator()) {
        denominatorsSeen.put(row.key(), row.denominator());
      }
    }
    List<SubtractionAttack.Sum<List<String>>> sums =
        List.of(
            new SubtractionAttack.Sum<>(
                rateKey(COUNTY, "all", "0"),
                TOWNSHIPS.subList(0, townships).stream()
                    .map(t -> rateKey(t, "all", "0"))
                    .toList()));
    Map<List<String>, Double> numeratorsKnown = SubtractionAttack.run(numeratorsSeen, sums);
    Map<List<String>, Double> denominatorsKnown = SubtractionAttack.run(denominatorsSeen, sums);
    withheld.forEach(
        (key, w) -> {
          if (w.persons()) {
            assertThat(numeratorsKnown).doesNotContainKey(key);
          }
          if (w.denominator()) {
            assertThat(denominatorsKnown).doesNotContainKey(key);
          }
        });
  }

  static IndicatorCells.Row rate(String area, String sex, double numerator, double denominator) {
    return new IndicatorCells.Row("C02", "2020", area, "all", sex, numerator, denominator);
  }

  /** Values of 0-6 often, large sometimes: many small cells, some rows with several. */
  static double small(Random random) {
    return random.nextInt(3) == 0 ? 10 + random.nextInt(50) : random.nextInt(7);
  }

  static void assertNothingFollows(
      List<IndicatorCells.Row> rows, Map<List<String>, Suppression> withheld) {
    Map<List<String>, Double> published = new HashMap<>();
    for (IndicatorCells.Row row : rows) {
      if (!withheld.containsKey(row.key())) {
        published.put(row.key(), row.persons());
      }
    }
    List<SubtractionAttack.Sum<List<String>>> sums = new ArrayList<>();
    List<String> areas = rows.stream().map(IndicatorCells.Row::area).distinct().toList();
    List<String> sexes = rows.stream().map(IndicatorCells.Row::sex).distinct().toList();
    for (String sex : sexes) {
      sums.add(
          new SubtractionAttack.Sum<>(
              key(COUNTY, "all", sex),
              areas.stream().filter(a -> !a.equals(COUNTY)).map(a -> key(a, "all", sex)).toList()));
    }
    if (sexes.size() == 3) {
      for (String area : areas) {
        sums.add(
            new SubtractionAttack.Sum<>(
                key(area, "all", "0"), List.of(key(area, "all", "1"), key(area, "all", "2"))));
      }
    }
    Map<List<String>, Double> known = SubtractionAttack.run(published, sums);
    assertThat(withheld.keySet()).noneMatch(known::containsKey);
  }
}
