package wds.warehouse.publish;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wds.schemas.sql.SqlFile;

/**
 * The tables and columns of one DuckDB catalog (schema {@code main}), read from {@code
 * information_schema} so that gates, the lake and the feed stay generic over whatever a snapshot
 * holds.
 */
public record CatalogTables(Map<String, List<TableColumn>> tables) {

  /** One column of a table: name, DuckDB type as DuckDB spells it, precision and scale. */
  public record TableColumn(String name, String dataType, int precision, int scale) {}

  /** Reads the base tables of {@code catalog} in name order, columns in table order. */
  public static CatalogTables read(Connection connection, String catalog) throws SQLException {
    Map<String, List<TableColumn>> tables = new LinkedHashMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            SqlFile.load(CatalogTables.class, "catalog_columns.sql").sql())) {
      query.setString(1, catalog);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          tables
              .computeIfAbsent(rows.getString(1), t -> new ArrayList<>())
              .add(
                  new TableColumn(
                      rows.getString(2), rows.getString(3), rows.getInt(4), rows.getInt(5)));
        }
      }
    }
    return new CatalogTables(tables);
  }

  public boolean has(String table) {
    return tables.containsKey(table);
  }

  public List<TableColumn> columns(String table) {
    return tables.getOrDefault(table, List.of());
  }

  /** The column names of {@code table}, in table order. */
  public List<String> columnNames(String table) {
    return columns(table).stream().map(TableColumn::name).toList();
  }
}
