package wds.jobs.serve;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wds.schemas.sql.SqlFile;

/**
 * Runs one of the dashboard's SQL files ({@code wds/jobs/serve/<name>.sql}) with bound values and
 * returns its rows as column-name maps: what the pages' tables and the JSON API show as they are.
 */
final class Rows {

  private static final Map<String, String> SQL = new java.util.concurrent.ConcurrentHashMap<>();

  private Rows() {}

  static List<Map<String, Object>> query(Connection connection, String name, Object... values)
      throws SQLException {
    String sql = SQL.computeIfAbsent(name, n -> SqlFile.load("wds/jobs/serve/" + n + ".sql").sql());
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int c = 1; c <= md.getColumnCount(); c++) {
            Object value = rs.getObject(c);
            row.put(md.getColumnLabel(c), plain(value));
          }
          rows.add(row);
        }
        return rows;
      }
    }
  }

  /** DuckDB's dates, timestamps and decimals as values JSON and templates print plainly. */
  private static Object plain(Object value) {
    if (value instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime();
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (value instanceof java.math.BigDecimal b) {
      return b.doubleValue();
    }
    return value;
  }

  static Double number(Map<String, Object> row, String column) {
    Object value = row.get(column);
    return value == null ? null : ((Number) value).doubleValue();
  }
}
