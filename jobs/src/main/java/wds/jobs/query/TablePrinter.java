package wds.jobs.query;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import wds.jobs.DisplayWidth;
import wds.warehouse.query.RowLimit;

/**
 * The printer of a query result as aligned columns for a terminal: numbers right-aligned, text
 * left-aligned, NULL shown as {@code NULL}, Chinese characters counted two columns wide.
 */
final class TablePrinter {

  private final PrintWriter out;

  TablePrinter(PrintWriter out) {
    this.out = out;
  }

  void print(ResultSet rows, RowLimit limit) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    int columns = meta.getColumnCount();
    String[] header = new String[columns];
    boolean[] numeric = new boolean[columns];
    int[] width = new int[columns];
    for (int i = 0; i < columns; i++) {
      header[i] = meta.getColumnLabel(i + 1);
      numeric[i] = isNumeric(meta.getColumnType(i + 1));
      width[i] = DisplayWidth.of(header[i]);
    }
    List<String[]> body = new ArrayList<>();
    while (limit.next(rows)) {
      String[] row = new String[columns];
      for (int i = 0; i < columns; i++) {
        String value = rows.getString(i + 1);
        row[i] = value == null ? "NULL" : value;
        width[i] = Math.max(width[i], DisplayWidth.of(row[i]));
      }
      body.add(row);
    }
    line(header, width, new boolean[columns]);
    String[] rule = new String[columns];
    for (int i = 0; i < columns; i++) {
      rule[i] = "-".repeat(width[i]);
    }
    line(rule, width, new boolean[columns]);
    for (String[] row : body) {
      line(row, width, numeric);
    }
    if (limit.cut()) {
      out.println("(" + body.size() + " rows shown: the result was cut at the row limit)");
    } else {
      out.println("(" + body.size() + (body.size() == 1 ? " row)" : " rows)"));
    }
  }

  private void line(String[] cells, int[] width, boolean[] right) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String pad = " ".repeat(width[i] - DisplayWidth.of(cells[i]));
      if (i > 0) {
        text.append("  ");
      }
      text.append(right[i] ? pad + cells[i] : cells[i] + (i == cells.length - 1 ? "" : pad));
    }
    out.println(text.toString().stripTrailing());
  }

  private static boolean isNumeric(int type) {
    return switch (type) {
      case Types.TINYINT,
          Types.SMALLINT,
          Types.INTEGER,
          Types.BIGINT,
          Types.FLOAT,
          Types.REAL,
          Types.DOUBLE,
          Types.DECIMAL,
          Types.NUMERIC ->
          true;
      default -> false;
    };
  }
}
