package wds.warehouse.feed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One block of a published table whose cells are classified along several dimensions (area, sex,
 * age group or residence), each with totals that are sums of parts ({@link Totals}). It turns the
 * block into a {@link CellTable}: along every dimension, for every combination of the other
 * dimensions, the total cell is the sum of the part cells present. A part that is absent counts as
 * a published zero; a total that is absent counts as known all the same (it may be published
 * elsewhere: a denominator, another table), which can only withhold more, never less.
 */
final class CrossTable {

  /** How the values of one dimension add up: total value → its parts, among those present. */
  @FunctionalInterface
  interface Totals {
    Map<String, List<String>> of(Set<String> present);
  }

  /** One cell: its coordinates, its count (null when empty) and whether it is small itself. */
  record Cell(List<String> coordinates, Double count, boolean primary, boolean margin) {}

  private final List<Totals> dimensions;
  private final Map<List<String>, Integer> index = new LinkedHashMap<>();
  private final CellTable table = new CellTable();

  private final String name;

  CrossTable(List<Totals> dimensions) {
    this("", dimensions);
  }

  /** A block named {@code name} (such as the indicator and year) in error messages. */
  CrossTable(String name, List<Totals> dimensions) {
    this.name = name;
    this.dimensions = List.copyOf(dimensions);
  }

  /** Adds a cell; its coordinates follow the order of the dimensions. */
  int add(Cell cell) {
    int id =
        table.cell(cell.count(), cell.primary(), cell.margin(), name + " " + cell.coordinates());
    index.put(cell.coordinates(), id);
    return id;
  }

  /** The cell at {@code coordinates}, if present. */
  Integer cell(List<String> coordinates) {
    return index.get(coordinates);
  }

  CellTable table() {
    return table;
  }

  /** Adds the relations of every dimension; call once, after every cell. */
  CellTable relate() {
    for (int d = 0; d < dimensions.size(); d++) {
      int dimension = d;
      Set<String> present = new TreeSet<>();
      Map<List<String>, Map<String, Integer>> lines = new LinkedHashMap<>();
      for (var entry : index.entrySet()) {
        List<String> rest = new ArrayList<>(entry.getKey());
        String value = rest.remove(dimension);
        present.add(value);
        lines.computeIfAbsent(rest, k -> new HashMap<>()).put(value, entry.getValue());
      }
      Map<String, List<String>> totals = dimensions.get(dimension).of(present);
      for (Map<String, Integer> line : lines.values()) {
        for (var total : totals.entrySet()) {
          List<Integer> parts = new ArrayList<>();
          for (String part : total.getValue()) {
            if (line.containsKey(part)) {
              parts.add(line.get(part));
            }
          }
          Integer sum = line.get(total.getKey());
          // A total taken as known must rest on two parts at least: one part alone would be the
          // total itself (a women-only measure has no sex total to protect against).
          if (parts.isEmpty() || (sum == null && parts.size() < 2)) {
            continue;
          }
          table.sum(sum == null ? table.fixed() : sum, parts);
        }
      }
    }
    return table;
  }
}
