package wds.warehouse.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small-cell protection of {@code mart_sex_age}. Each year and measure is one block whose cells
 * are area (county and townships) × sex × age group, every value taken as a count of persons.
 * Totals that add up: townships → county, the sexes → all ({@code 0}), the age groups → all ages; a
 * total the mart does not hold is taken as known anyway, since a denominator or another table may
 * publish it.
 */
public final class MartCells {

  /** One row of {@code mart_sex_age}, reduced to what protection needs. */
  public record Row(
      String year, String area, String sex, String ageGroup, String measure, Double value) {

    /** The row's key: year, area, sex, age group, measure. */
    public List<String> key() {
      return List.of(year, area, sex, ageGroup, measure);
    }
  }

  private MartCells() {}

  /** The withheld rows, by key. Village rows must already be left out. */
  public static Map<List<String>, Suppression> protect(List<Row> rows) {
    Map<List<String>, List<Row>> blocks = new LinkedHashMap<>();
    for (Row row : rows) {
      blocks.computeIfAbsent(List.of(row.year(), row.measure()), k -> new ArrayList<>()).add(row);
    }
    Map<List<String>, Suppression> withheld = new LinkedHashMap<>();
    for (List<Row> block : blocks.values()) {
      CrossTable cross =
          new CrossTable(
              "mart_sex_age " + block.get(0).year() + " " + block.get(0).measure(),
              List.of(Hierarchies::areas, Hierarchies::sexes, Hierarchies::ageGroups));
      Map<Integer, Row> byCell = new LinkedHashMap<>();
      for (Row row : block) {
        int cell =
            cross.add(
                new CrossTable.Cell(
                    List.of(row.area(), row.sex(), row.ageGroup()),
                    row.value(),
                    SmallCells.isPrimary(row.area(), row.value()),
                    AreaLevel.of(row.area()) == AreaLevel.COUNTY
                        || row.sex().equals("0")
                        || Hierarchies.isAgeTotal(row.ageGroup())));
        byCell.put(cell, row);
      }
      CellTable table = cross.relate();
      table.protect();
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
}
