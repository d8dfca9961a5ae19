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
    // The columns of each row's non-zero entries: a row of these tables has a handful of them
    // among hundreds of columns, so the elimination visits those only. The arithmetic is the
    // dense elimination's, entry for entry, so the reduced rows are the same.
    NonZero[] nonZero = new NonZero[m.length];
    int[] seen = new int[width + (provenance ? rows.size() : 0)];
    int stamp = 0;
    for (int r = 0; r < rows.size(); r++) {
      CellTable.Relation relation = relations.get(rows.get(r));
      int[] cells = relation.cells();
      int[] touched = new int[cells.length];
      int n = 0;
      for (int i = 0; i < cells.length; i++) {
        if (unknown.test(cells[i])) {
          int c = column.get(cells[i]);
          m[r][c] += relation.coefficients()[i];
          touched[n++] = c;
        }
      }
      nonZero[r] = new NonZero(n + (provenance ? 1 : 0));
      stamp++;
      for (int i = 0; i < n; i++) {
        if (seen[touched[i]] != stamp) {
          seen[touched[i]] = stamp;
          nonZero[r].addIfNonZero(touched[i], m[r][touched[i]]);
        }
      }
      if (provenance) {
        m[r][width + r] = 1;
        nonZero[r].addIfNonZero(width + r, 1);
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
      NonZero swapped = nonZero[pivotRow];
      nonZero[pivotRow] = nonZero[found];
      nonZero[found] = swapped;
      long[] pivot = m[pivotRow];
      NonZero pivotColumns = nonZero[pivotRow];
      for (int r = 0; r < m.length; r++) {
        if (r != pivotRow && m[r][c] != 0) {
          long a = pivot[c];
          long b = m[r][c];
          long[] row = m[r];
          NonZero rowColumns = nonZero[r];
          // the columns where the pivot or the row is non-zero, each once
          stamp++;
          NonZero result = new NonZero(rowColumns.size + pivotColumns.size);
          for (int i = 0; i < rowColumns.size; i++) {
            int k = rowColumns.columns[i];
            seen[k] = stamp;
            row[k] =
                Math.subtractExact(Math.multiplyExact(row[k], a), Math.multiplyExact(pivot[k], b));
            result.addIfNonZero(k, row[k]);
          }
          for (int i = 0; i < pivotColumns.size; i++) {
            int k = pivotColumns.columns[i];
            if (seen[k] != stamp) {
              row[k] =
                  Math.subtractExact(
                      Math.multiplyExact(row[k], a), Math.multiplyExact(pivot[k], b));
              result.addIfNonZero(k, row[k]);
            }
          }
          nonZero[r] = result;
          normalise(row, result);
        }
      }
      pivotRow++;
    }
    for (int r = 0; r < pivotRow; r++) {
      int only = -1;
      int count = 0;
      for (int i = 0; i < nonZero[r].size && count < 2; i++) {
        if (nonZero[r].columns[i] < width) {
          count++;
          only = nonZero[r].columns[i];
        }
      }
      if (count == 1) {
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

  /** The columns of a row's non-zero entries, in no particular order. */
  private static final class NonZero {

    final int[] columns;
    int size;

    NonZero(int capacity) {
      columns = new int[capacity];
    }

    void addIfNonZero(int column, long value) {
      if (value != 0) {
        columns[size++] = column;
      }
    }
  }

  /** Divides a row by the greatest common divisor of its entries (its non-zero ones). */
  private static void normalise(long[] row, NonZero nonZero) {
    long gcd = 0;
    for (int i = 0; i < nonZero.size; i++) {
      gcd = gcd(gcd, Math.abs(row[nonZero.columns[i]]));
      if (gcd == 1) {
        return;
      }
    }
    if (gcd > 1) {
      for (int i = 0; i < nonZero.size; i++) {
        row[nonZero.columns[i]] /= gcd;
      }
    }
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
