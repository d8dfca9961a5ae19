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

class MartCellsTest {

  static final String COUNTY = "652323000000";
  static final List<String> TOWNSHIPS = List.of("652323100000", "652323101000", "652323102000");
  static final List<String> AGES = List.of("80-84", "85-89", "90-94");

  static Stream<Long> seeds() {
    return LongStream.range(0, 100).boxed();
  }

  @Test
  void protect_WhenOneAgeGroupOfATownshipIsSmall_ThenNoAddingUpRevealsIt() {
    Map<List<String>, Double> values = new HashMap<>();
    for (String area : TOWNSHIPS) {
      for (String age : AGES) {
        values.put(List.of(area, "2", age), 30.0);
        values.put(List.of(area, "1", age), 25.0);
      }
    }
    values.put(List.of(TOWNSHIPS.get(0), "2", "90-94"), 3.0);
    List<MartCells.Row> rows = withTotals(values);

    Map<List<String>, Suppression> withheld = MartCells.protect(rows);

    assertThat(withheld)
        .containsEntry(
            List.of("2024", TOWNSHIPS.get(0), "2", "90-94", "population"), Suppression.PRIMARY);
    assertThat(withheld.values()).contains(Suppression.SECONDARY);
    assertNothingFollows(rows, withheld);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void protect_ForRandomMarts_ThenNoWithheldCellFollowsBySubtraction(long seed) {
    Random random = new Random(seed);
    Map<List<String>, Double> values = new HashMap<>();
    for (String area : TOWNSHIPS) {
      for (String age : AGES) {
        for (String sex : List.of("1", "2")) {
          values.put(
              List.of(area, sex, age),
              (double) (random.nextBoolean() ? random.nextInt(6) : 20 + random.nextInt(9)));
        }
      }
    }
    List<MartCells.Row> rows = withTotals(values);

    Map<List<String>, Suppression> withheld = MartCells.protect(rows);

    for (MartCells.Row row : rows) {
      if (SmallCells.isPrimary(row.area(), row.value())) {
        assertThat(withheld).containsEntry(row.key(), Suppression.PRIMARY);
      }
    }
    assertNothingFollows(rows, withheld);
  }

  @Test
  void
      protect_WhenOnlyOneTownshipHasMenInTheOldestAgeGroupAndTheMartHasNoTotals_ThenItDoesNotFail() {
    // The demo county's 2024 population: one man aged 100+ in the county, in one township; no
    // woman of that age anywhere; the mart holds no sex 0 rows and no all-ages rows. The assumed
    // totals (both sexes per age group, all ages per sex) alone give that man away.
    Map<List<String>, Double> values = new HashMap<>();
    values.put(List.of(TOWNSHIPS.get(0), "1", "85-89"), 20.0);
    values.put(List.of(TOWNSHIPS.get(0), "1", "90-94"), 10.0);
    values.put(List.of(TOWNSHIPS.get(0), "1", "100+"), 1.0);
    values.put(List.of(TOWNSHIPS.get(0), "2", "85-89"), 25.0);
    values.put(List.of(TOWNSHIPS.get(0), "2", "90-94"), 12.0);
    values.put(List.of(TOWNSHIPS.get(1), "1", "85-89"), 30.0);
    values.put(List.of(TOWNSHIPS.get(1), "1", "90-94"), 15.0);
    values.put(List.of(TOWNSHIPS.get(1), "2", "85-89"), 35.0);
    values.put(List.of(TOWNSHIPS.get(1), "2", "90-94"), 18.0);
    List<MartCells.Row> rows = countyRowsOnly(values);

    Map<List<String>, Suppression> withheld = MartCells.protect(rows);

    assertThat(withheld)
        .containsEntry(key(TOWNSHIPS.get(0), "1", "100+"), Suppression.PRIMARY)
        // the county cell equals the township's: it must go too
        .containsEntry(key(COUNTY, "1", "100+"), Suppression.SECONDARY);
    assertNothingFollowsWithPopulationTotals(rows, withheld);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void protect_ForRandomMartsWithAbsentCellsAndNoTotals_ThenItNeverFailsAndNothingFollows(
      long seed) {
    Random random = new Random(seed);
    List<String> ages = List.of("80-84", "85-89", "90-94", "95-99", "100+");
    Map<List<String>, Double> values = new HashMap<>();
    for (String area : TOWNSHIPS) {
      for (String age : ages) {
        for (String sex : List.of("1", "2")) {
          int draw = random.nextInt(4);
          if (draw > 0) { // a quarter of the cells are absent: zero, as in the real mart
            values.put(
                List.of(area, sex, age),
                (double) (draw == 1 ? 1 + random.nextInt(4) : 5 + random.nextInt(30)));
          }
        }
      }
    }
    List<MartCells.Row> rows = countyRowsOnly(values);

    Map<List<String>, Suppression> withheld = MartCells.protect(rows);

    for (MartCells.Row row : rows) {
      if (SmallCells.isPrimary(row.area(), row.value())) {
        assertThat(withheld).containsEntry(row.key(), Suppression.PRIMARY);
      }
    }
    assertNothingFollowsWithPopulationTotals(rows, withheld);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void protect_ForRandomMartsRecodedToBands_ThenEverySmallBandIsWithheldAndNothingFollows(
      long seed) {
    Random random = new Random(seed);
    AgeBands bands = AgeBands.parse("0-54,55-64,65+");
    List<String> groups = List.of("55-59", "60-64", "65-69", "70-74", "75-79");
    Map<List<String>, Double> county = new HashMap<>();
    Map<List<String>, Double> townships = new HashMap<>();
    for (String area : TOWNSHIPS) {
      for (String group : groups) {
        for (String sex : List.of("1", "2")) {
          int draw = random.nextInt(5);
          if (draw > 0) { // absent cells are zero, as in the real mart
            double v = draw == 1 ? 1 + random.nextInt(3) : random.nextInt(12);
            county.merge(List.of(COUNTY, sex, group), v, Double::sum);
            townships.merge(List.of(area, sex, bands.bandOf(group).orElseThrow()), v, Double::sum);
          }
        }
      }
    }
    List<MartCells.Row> rows = new ArrayList<>();
    for (Map<List<String>, Double> table : List.of(county, townships)) {
      table.forEach(
          (k, v) ->
              rows.add(new MartCells.Row("2024", k.get(0), k.get(1), k.get(2), "population", v)));
    }
    rows.sort(java.util.Comparator.comparing(r -> r.key().toString()));

    Map<List<String>, Suppression> withheld = MartCells.protect(rows, bands);

    Map<List<String>, Double> published = new HashMap<>();
    for (MartCells.Row row : rows) {
      if (SmallCells.isPrimary(row.area(), row.value())) {
        assertThat(withheld).containsEntry(row.key(), Suppression.PRIMARY);
      }
      if (!withheld.containsKey(row.key())) {
        published.put(row.key(), row.value());
      }
    }
    // what an outsider adds up: absent cells are zero; the county's band is the sum of its groups
    // and of the townships' band (the townships' populations are assumed totals, which the
    // protection may give up where they alone would disclose a cell: not used here)
    List<SubtractionAttack.Sum<List<String>>> sums = new ArrayList<>();
    for (String sex : List.of("1", "2")) {
      for (String group : groups) {
        if (!county.containsKey(List.of(COUNTY, sex, group))) {
          published.put(key(COUNTY, sex, group), 0.0);
        }
      }
      for (String band : List.of("55-64", "65+")) {
        List<String> countyBand = List.of("county band", sex, band);
        sums.add(
            new SubtractionAttack.Sum<>(
                countyBand,
                groups.stream()
                    .filter(g -> bands.bandOf(g).orElseThrow().equals(band))
                    .map(g -> key(COUNTY, sex, g))
                    .toList()));
        sums.add(
            new SubtractionAttack.Sum<>(
                countyBand, TOWNSHIPS.stream().map(t -> key(t, sex, band)).toList()));
        for (String t : TOWNSHIPS) {
          if (!townships.containsKey(List.of(t, sex, band))) {
            published.put(key(t, sex, band), 0.0);
          }
        }
      }
    }
    Map<List<String>, Double> known = SubtractionAttack.run(published, sums);
    assertThat(withheld.keySet()).noneMatch(known::containsKey);
  }

  /** The township × sex × age cells and their county sums; no sex 0, no all-ages rows. */
  static List<MartCells.Row> countyRowsOnly(Map<List<String>, Double> inner) {
    Map<List<String>, Double> all = new HashMap<>(inner);
    inner.forEach((k, v) -> all.merge(List.of(COUNTY, k.get(1), k.get(2)), v, Double::sum));
    List<MartCells.Row> rows = new ArrayList<>();
    all.forEach(
        (k, v) ->
            rows.add(new MartCells.Row("2024", k.get(0), k.get(1), k.get(2), "population", v)));
    rows.sort(java.util.Comparator.comparing(r -> r.key().toString()));
    return rows;
  }

  /**
   * The subtraction attack over the published cells, the county sums and the population of each
   * area and sex (which the indicators' denominators publish) where two age groups or more make it
   * up, absent cells known as zero.
   */
  static void assertNothingFollowsWithPopulationTotals(
      List<MartCells.Row> rows, Map<List<String>, Suppression> withheld) {
    Map<List<String>, Double> published = new HashMap<>();
    Map<List<String>, Double> cells = new HashMap<>();
    rows.forEach(r -> cells.put(r.key(), r.value()));
    List<String> areas = new ArrayList<>(TOWNSHIPS);
    areas.add(COUNTY);
    List<String> ages = rows.stream().map(MartCells.Row::ageGroup).distinct().sorted().toList();
    List<SubtractionAttack.Sum<List<String>>> sums = new ArrayList<>();
    for (String area : areas) {
      for (String sex : List.of("1", "2")) {
        for (String age : ages) {
          List<String> k = key(area, sex, age);
          if (!cells.containsKey(k)) {
            published.put(k, 0.0);
          } else if (!withheld.containsKey(k)) {
            published.put(k, cells.get(k));
          }
        }
        if (ages.stream().filter(a -> cells.containsKey(key(area, sex, a))).count() < 2) {
          continue; // one age group alone: the total is that cell, not taken as known
        }
        List<String> population = List.of("population of", area, sex);
        published.put(
            population,
            ages.stream().mapToDouble(a -> cells.getOrDefault(key(area, sex, a), 0.0)).sum());
        sums.add(
            new SubtractionAttack.Sum<>(
                population, ages.stream().map(a -> key(area, sex, a)).toList()));
      }
    }
    for (String sex : List.of("1", "2")) {
      for (String age : ages) {
        sums.add(
            new SubtractionAttack.Sum<>(
                key(COUNTY, sex, age), TOWNSHIPS.stream().map(t -> key(t, sex, age)).toList()));
      }
    }
    Map<List<String>, Double> known = SubtractionAttack.run(published, sums);
    assertThat(withheld.keySet()).noneMatch(known::containsKey);
  }

  /** The township × sex × age cells with every total: county, sex 0 and all ages ("total"). */
  static List<MartCells.Row> withTotals(Map<List<String>, Double> inner) {
    Map<List<String>, Double> all = new HashMap<>();
    inner.forEach(
        (k, v) -> {
          for (String area : List.of(k.get(0), COUNTY)) {
            for (String sex : List.of(k.get(1), "0")) {
              for (String age : List.of(k.get(2), "total")) {
                all.merge(List.of(area, sex, age), v, Double::sum);
              }
            }
          }
        });
    List<MartCells.Row> rows = new ArrayList<>();
    all.forEach(
        (k, v) ->
            rows.add(new MartCells.Row("2024", k.get(0), k.get(1), k.get(2), "population", v)));
    rows.sort(java.util.Comparator.comparing(r -> r.key().toString()));
    return rows;
  }

  static void assertNothingFollows(
      List<MartCells.Row> rows, Map<List<String>, Suppression> withheld) {
    Map<List<String>, Double> published = new HashMap<>();
    rows.stream()
        .filter(r -> !withheld.containsKey(r.key()))
        .forEach(r -> published.put(r.key(), r.value()));
    List<String> areas = new ArrayList<>(TOWNSHIPS);
    areas.add(COUNTY);
    List<String> ages = new ArrayList<>(AGES);
    ages.add("total");
    List<SubtractionAttack.Sum<List<String>>> sums = new ArrayList<>();
    for (String sex : List.of("0", "1", "2")) {
      for (String age : ages) {
        sums.add(
            new SubtractionAttack.Sum<>(
                key(COUNTY, sex, age), TOWNSHIPS.stream().map(t -> key(t, sex, age)).toList()));
      }
    }
    for (String area : areas) {
      for (String age : ages) {
        sums.add(
            new SubtractionAttack.Sum<>(
                key(area, "0", age), List.of(key(area, "1", age), key(area, "2", age))));
      }
      for (String sex : List.of("0", "1", "2")) {
        sums.add(
            new SubtractionAttack.Sum<>(
                key(area, sex, "total"), AGES.stream().map(a -> key(area, sex, a)).toList()));
      }
    }
    Map<List<String>, Double> known = SubtractionAttack.run(published, sums);
    assertThat(withheld.keySet()).noneMatch(known::containsKey);
  }

  static List<String> key(String area, String sex, String age) {
    return List.of("2024", area, sex, age, "population");
  }
}
