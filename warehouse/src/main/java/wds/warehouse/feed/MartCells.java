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

  /**
   * The withheld rows, by key, of a mart in 5-year groups. Village rows must already be left out.
   */
  public static Map<List<String>, Suppression> protect(List<Row> rows) {
    return protect(rows, null);
  }

  /**
   * The withheld rows, by key, of a mart whose township rows are recoded to {@code bands} and whose
   * county rows keep their 5-year groups (null: no recoding). The county's band of each sex is a
   * hidden cell, the sum of its groups and of the townships' bands: the townships' bands add up to
   * it as the county's groups do. Village rows must already be left out.
   */
  public static Map<List<String>, Suppression> protect(List<Row> rows, AgeBands bands) {
    Map<List<String>, List<Row>> blocks = new LinkedHashMap<>();
    for (Row row : rows) {
      blocks.computeIfAbsent(List.of(row.year(), row.measure()), k -> new ArrayList<>()).add(row);
    }
    Map<List<String>, Suppression> withheld = new LinkedHashMap<>();
    for (List<Row> block : blocks.values()) {
      CrossTable cross =
          new CrossTable(
              "mart_sex_age " + block.get(0).year() + " " + block.get(0).measure(),
              List.of(
                  Hierarchies::areas,
                  Hierarchies::sexes,
                  bands == null ? Hierarchies::ageGroups : Hierarchies.ageBands(bands)));
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
      if (bands != null) {
        addCountyBands(cross, block, bands);
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

  /**
   * Adds a hidden cell for each band of the county's groups: never published (the county shows its
   * groups), it ties the groups of a band to the townships' cells of that band.
   */
  private static void addCountyBands(CrossTable cross, List<Row> block, AgeBands bands) {
    for (Row row : block) {
      if (AreaLevel.of(row.area()) != AreaLevel.COUNTY) {
        continue;
      }
      String band = bands.bandOf(row.ageGroup()).orElse(row.ageGroup());
      List<String> coordinates = List.of(row.area(), row.sex(), band);
      if (!band.equals(row.ageGroup()) && cross.cell(coordinates) == null) {
        cross.add(new CrossTable.Cell(coordinates, null, false, true));
      }
    }
  }
}
