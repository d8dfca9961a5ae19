package wds.warehouse.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The small-cell protection of {@code indicator_value}. Each indicator and year is one block whose
 * cells are area (county and townships) × residence × sex; the protected count of a cell is the
 * persons its value rests on (the numerator; the value itself for a count; the denominator for a
 * mean such as the age at first marriage). Totals that add up: townships → county (event counts
 * exactly; distinct-person stocks at most, since a person may count in two townships, but treated
 * as exact to be safe), women + men → all, urban + rural → all at county level.
 *
 * <p>The urban and rural county rows are sums of villages, not of published township rows; but a
 * township that is wholly urban or rural would let them be read as sums of townships. Not knowing
 * the townships' make-up here, whenever a township row of an indicator, year and sex is withheld,
 * the county's urban and rural rows of that sex are withheld too.
 *
 * <p>A rate's denominator is a count of persons too (the employees of a township's urban units,
 * say): a row whose numerator or denominator is 1-4 is withheld whole, and the denominators are
 * protected as a table of their own, with the same totals.
 */
public final class IndicatorCells {

  /**
   * One row of {@code indicator_value}, reduced to what protection needs.
   *
   * @param persons the count of persons the value rests on (the numerator, the value of a count,
   *     the denominator of a mean)
   * @param denominator the denominator when it is a count of its own that the public sees (rates
   *     and shares); null for counts and means
   */
  public record Row(
      String indicator,
      String year,
      String area,
      String residence,
      String sex,
      Double persons,
      Double denominator) {

    /** A row whose only count is {@code persons} (a count, a mean). */
    public Row(
        String indicator, String year, String area, String residence, String sex, Double persons) {
      this(indicator, year, area, residence, sex, persons, null);
    }

    /** The row's key: indicator, year, area, residence, sex. */
    public List<String> key() {
      return List.of(indicator, year, area, residence, sex);
    }

    /** Whether the row is small itself: a township count or denominator of 1-4 persons. */
    boolean small() {
      return SmallCells.isPrimary(area, persons) || SmallCells.isPrimary(area, denominator);
    }
  }

  /**
   * How a withheld row is withheld.
   *
   * @param reason primary when the row is small itself, else secondary
   * @param persons whether its count of persons is withheld (the numerator, a count's value, a
   *     mean's denominator)
   * @param denominator whether the denominator of a rate is withheld
   */
  public record Withheld(Suppression reason, boolean persons, boolean denominator) {}

  private IndicatorCells() {}

  /** The withheld rows, by key, with why. Village rows must already be left out. */
  public static Map<List<String>, Suppression> protect(List<Row> rows) {
    Map<List<String>, Suppression> reasons = new LinkedHashMap<>();
    protectRows(rows).forEach((key, withheld) -> reasons.put(key, withheld.reason()));
    return reasons;
  }

  /**
   * The withheld rows, by key, with which of their counts are withheld. The counts of persons and
   * the denominators are two tables with the same totals, each protected on its own: a row small by
   * either is primary in the persons table (its value would disclose the few), a small denominator
   * is primary in the denominator table too; a denominator withheld there hides the row's value as
   * well, which would give it back.
   */
  public static Map<List<String>, Withheld> protectRows(List<Row> rows) {
    Map<List<String>, List<Row>> blocks = new LinkedHashMap<>();
    for (Row row : rows) {
      blocks.computeIfAbsent(List.of(row.indicator(), row.year()), k -> new ArrayList<>()).add(row);
    }
    Map<List<String>, Withheld> withheld = new LinkedHashMap<>();
    for (List<Row> block : blocks.values()) {
      Map<Row, Suppression> persons = protect(block, "", Row::persons, Row::small);
      Map<Row, Suppression> denominators =
          block.stream().anyMatch(r -> r.denominator() != null)
              ? protect(
                  block,
                  " denominator",
                  Row::denominator,
                  r -> SmallCells.isPrimary(r.area(), r.denominator()))
              : Map.of();
      for (Row row : block) {
        Suppression p = persons.get(row);
        Suppression d = denominators.get(row);
        if (p != null || d != null) {
          Suppression reason = row.small() ? Suppression.PRIMARY : Suppression.SECONDARY;
          withheld.put(row.key(), new Withheld(reason, p != null, d != null));
        }
      }
    }
    return withheld;
  }

  /** Protects one block's cells of one count; returns the withheld rows. */
  private static Map<Row, Suppression> protect(
      List<Row> block, String what, Function<Row, Double> count, Predicate<Row> primary) {
    CrossTable cross =
        new CrossTable(
            "indicator_value " + block.get(0).indicator() + " " + block.get(0).year() + what,
            List.of(Hierarchies::areas, Hierarchies::residences, Hierarchies::sexes));
    Map<Integer, Row> byCell = new LinkedHashMap<>();
    boolean bySex = block.stream().anyMatch(r -> !r.sex().equals("0"));
    for (Row row : block) {
      int cell =
          cross.add(
              new CrossTable.Cell(
                  List.of(row.area(), row.residence(), row.sex()),
                  count.apply(row),
                  primary.test(row),
                  AreaLevel.of(row.area()) == AreaLevel.COUNTY
                      || (bySex && row.sex().equals("0"))));
      byCell.put(cell, row);
    }
    CellTable table = cross.relate();
    table.protect();
    if (withholdResidenceSplits(cross, block)) {
      table.protect();
    }
    Map<Row, Suppression> withheld = new LinkedHashMap<>();
    byCell.forEach(
        (cell, row) -> {
          Suppression s = Suppression.of(table.state(cell));
          if (s != null) {
            withheld.put(row, s);
          }
        });
    return withheld;
  }

  private static boolean withholdResidenceSplits(CrossTable cross, List<Row> block) {
    boolean changed = false;
    for (Row township : block) {
      if (AreaLevel.of(township.area()) != AreaLevel.TOWNSHIP) {
        continue;
      }
      Integer cell = cross.cell(List.of(township.area(), township.residence(), township.sex()));
      if (cell == null || !cross.table().isWithheld(cell)) {
        continue;
      }
      for (String split : List.of("urban", "rural")) {
        Integer county =
            cross.cell(List.of(AreaLevel.county(township.area()), split, township.sex()));
        if (county != null && cross.table().state(county) == CellTable.State.PUBLISHED) {
          cross.table().withhold(county);
          changed = true;
        }
      }
    }
    return changed;
  }
}
