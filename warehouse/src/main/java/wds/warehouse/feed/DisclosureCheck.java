package wds.warehouse.feed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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
    // Only relations with an unknown cell constrain anything.
    Map<Integer, Integer> column = new HashMap<>();
    List<int[]> rows = new ArrayList<>();
    List<int[]> coefficients = new ArrayList<>();
    for (CellTable.Relation relation : table.relations()) {
      boolean any = false;
      for (int cell : relation.cells()) {
        if (table.isUnknown(cell)) {
          any = true;
          column.computeIfAbsent(cell, c -> column.size());
        }
      }
      if (any) {
        rows.add(relation.cells());
        coefficients.add(relation.coefficients());
      }
    }
    if (column.isEmpty()) {
      return disclosed;
    }
    long[][] m = new long[rows.size()][column.size()];
    for (int r = 0; r < rows.size(); r++) {
      int[] cells = rows.get(r);
      for (int i = 0; i < cells.length; i++) {
        Integer c = column.get(cells[i]);
        if (c != null && table.isUnknown(cells[i])) {
          m[r][c] += coefficients.get(r)[i];
        }
      }
    }
    int[] cellOfColumn = new int[column.size()];
    column.forEach((cell, c) -> cellOfColumn[c] = cell);

    int pivotRow = 0;
    for (int c = 0; c < cellOfColumn.length && pivotRow < m.length; c++) {
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
      for (int r = 0; r < m.length; r++) {
        if (r != pivotRow && m[r][c] != 0) {
          long a = m[pivotRow][c];
          long b = m[r][c];
          for (int k = 0; k < m[r].length; k++) {
            m[r][k] =
                Math.subtractExact(
                    Math.multiplyExact(m[r][k], a), Math.multiplyExact(m[pivotRow][k], b));
          }
          normalise(m[r]);
        }
      }
      pivotRow++;
    }
    for (int r = 0; r < pivotRow; r++) {
      int only = -1;
      int nonZero = 0;
      for (int c = 0; c < m[r].length; c++) {
        if (m[r][c] != 0) {
          nonZero++;
          only = c;
        }
      }
      if (nonZero == 1 && table.isWithheld(cellOfColumn[only])) {
        disclosed.add(cellOfColumn[only]);
      }
    }
    return disclosed;
  }

  private static void normalise(long[] row) {
    long gcd = 0;
    for (long v : row) {
      gcd = gcd(gcd, Math.abs(v));
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
