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
