package wds.warehouse.feed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * The test of whether a withheld cell can be worked back from what is published. Published cells
 * and the additive relations between cells (a total equals the sum of its parts) form a linear
 * system in the unknown cells; a withheld cell is disclosed exactly when the system fixes its
 * value, that is when its unit vector lies in the row space of the relations restricted to the
 * unknowns. That is decided by reducing the restricted relation matrix to reduced row echelon form
 * (exact integer arithmetic; the coefficients are small, and an overflow is an error, not a guess):
 * the cell is disclosed when some reduced row has its only non-zero entry in the cell's column.
 * Bounds (counts are not negative) are not used, so an interval can still be narrowed; what is
 * guaranteed is that no withheld value follows exactly.
 */
final class DisclosureCheck {

  private DisclosureCheck() {}

  /**
   * The withheld cells of {@code table} whose value follows from the published cells and the
   * relations.
   */
  static TreeSet<Integer> disclosed(CellTable table) {
    TreeSet<Integer> disclosed = new TreeSet<>();
    for (int cell : reduce(table, table::isUnknown, false).keySet()) {
      if (table.isWithheld(cell)) {
        disclosed.add(cell);
      }
    }
    return disclosed;
  }

  /**
   * The cells of {@code table} whose value follows from the fixed cells alone, every cell of the
   * table itself taken as unknown, each with the relations (by index) whose combination gives it.
   * Such a cell is given away by the totals the table assumes known, whatever the table publishes.
   */
  static TreeMap<Integer, List<Integer>> knownFromTotals(CellTable table) {
    return new TreeMap<>(reduce(table, c -> table.state(c) != CellTable.State.FIXED, true));
  }

  /**
   * The cells that follow from the relations with every cell outside {@code unknown} known: each
   * with the relations combined to get it when {@code provenance} is asked for (else an empty
   * list).
   */
  private static Map<Integer, List<Integer>> reduce(
      CellTable table, IntPredicate unknown, boolean provenance) {
    Map<Integer, List<Integer>> determined = new LinkedHashMap<>();
    // Only relations with an unknown cell constrain anything.
    Map<Integer, Integer> column = new HashMap<>();
    List<Integer> rows = new ArrayList<>();
    List<CellTable.Relation> relations = table.relations();
    for (int r = 0; r < relations.size(); r++) {
      boolean any = false;
      for (int cell : relations.get(r).cells()) {
        if (unknown.test(cell)) {
          any = true;
          column.computeIfAbsent(cell, c -> column.size());
        }
      }
      if (any) {
        rows.add(r);
      }
    }
    if (column.isEmpty()) {
      return determined;
    }
    int width = column.size();
    // With provenance every row also carries its combination of the original relations.
    long[][] m = new long[rows.size()][width + (provenance ? rows.size() : 0)];
    for (int r = 0; r < rows.size(); r++) {
      CellTable.Relation relation = relations.get(rows.get(r));
      int[] cells = relation.cells();
      for (int i = 0; i < cells.length; i++) {
        if (unknown.test(cells[i])) {
          m[r][column.get(cells[i])] += relation.coefficients()[i];
        }
      }
      if (provenance) {
        m[r][width + r] = 1;
      }
    }
    int[] cellOfColumn = new int[width];
    column.forEach((cell, c) -> cellOfColumn[c] = cell);

    int pivotRow = 0;
    for (int c = 0; c < width && pivotRow < m.length; c++) {
      int found = -1;
      for (int r = pivotRow; r < m.length; r++) {
        if (m[r][c] != 0) {
          found = r;
          break;
        }
      }
      if (found < 0) {
        continue;
      }
      long[] swap = m[pivotRow];
      m[pivotRow] = m[found];
      m[found] = swap;
      long[] pivot = m[pivotRow];
      for (int r = 0; r < m.length; r++) {
        if (r != pivotRow && m[r][c] != 0) {
          long a = pivot[c];
          long b = m[r][c];
          long[] row = m[r];
          for (int k = 0; k < row.length; k++) {
            if (pivot[k] != 0 || row[k] != 0) {
              row[k] =
                  Math.subtractExact(
                      Math.multiplyExact(row[k], a), Math.multiplyExact(pivot[k], b));
            }
          }
          normalise(row);
        }
      }
      pivotRow++;
    }
    for (int r = 0; r < pivotRow; r++) {
      int only = -1;
      int nonZero = 0;
      for (int c = 0; c < width && nonZero < 2; c++) {
        if (m[r][c] != 0) {
          nonZero++;
          only = c;
        }
      }
      if (nonZero == 1) {
        List<Integer> combined = new ArrayList<>();
        for (int k = 0; provenance && k < rows.size(); k++) {
          if (m[r][width + k] != 0) {
            combined.add(rows.get(k));
          }
        }
        determined.put(cellOfColumn[only], combined);
      }
    }
    return determined;
  }

  private static void normalise(long[] row) {
    long gcd = 0;
    for (long v : row) {
      if (v != 0) {
        gcd = gcd(gcd, Math.abs(v));
        if (gcd == 1) {
          return;
        }
      }
    }
    if (gcd > 1) {
      for (int k = 0; k < row.length; k++) {
        row[k] /= gcd;
      }
    }
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
