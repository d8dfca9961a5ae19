package wds.warehouse.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 */
public final class IndicatorCells {

  /** One row of {@code indicator_value}, reduced to what protection needs. */
  public record Row(
      String indicator, String year, String area, String residence, String sex, Double persons) {

    /** The row's key: indicator, year, area, residence, sex. */
    public List<String> key() {
      return List.of(indicator, year, area, residence, sex);
    }
  }

  private IndicatorCells() {}

  /** The withheld rows, by key. Village rows must already be left out. */
  public static Map<List<String>, Suppression> protect(List<Row> rows) {
    Map<List<String>, List<Row>> blocks = new LinkedHashMap<>();
    for (Row row : rows) {
      blocks.computeIfAbsent(List.of(row.indicator(), row.year()), k -> new ArrayList<>()).add(row);
    }
    Map<List<String>, Suppression> withheld = new LinkedHashMap<>();
    for (List<Row> block : blocks.values()) {
      CrossTable cross =
          new CrossTable(
              "indicator_value " + block.get(0).indicator() + " " + block.get(0).year(),
              List.of(Hierarchies::areas, Hierarchies::residences, Hierarchies::sexes));
      Map<Integer, Row> byCell = new LinkedHashMap<>();
      boolean bySex = block.stream().anyMatch(r -> !r.sex().equals("0"));
      for (Row row : block) {
        int cell =
            cross.add(
                new CrossTable.Cell(
                    List.of(row.area(), row.residence(), row.sex()),
                    row.persons(),
                    SmallCells.isPrimary(row.area(), row.persons()),
                    AreaLevel.of(row.area()) == AreaLevel.COUNTY
                        || (bySex && row.sex().equals("0"))));
        byCell.put(cell, row);
      }
      CellTable table = cross.relate();
      table.protect();
      if (withholdResidenceSplits(cross, block)) {
        table.protect();
      }
      byCell.forEach(
          (cell, row) -> {
            Suppression s = Suppression.of(table.state(cell));
            if (s != null) {
              withheld.put(row.key(), s);
            }
          });
    }
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
