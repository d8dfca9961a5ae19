package wds.warehouse.publish;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The gate that no identity number reached the snapshot: no text column of any table holds a value
 * shaped like a resident identity number (18 characters, 17 digits and a digit or X, or the legacy
 * 15 digits), blanks around it ignored. Pseudonymous keys are 64 hex characters and area codes 12
 * digits, so neither matches. The fault names the table, the column and the count, never a value.
 */
public final class NoIdentityNumbersGate implements QualityGate {

  static final String IDENTITY_NUMBER_SHAPE = "[0-9]{17}[0-9Xx]|[0-9]{15}";

  @Override
  public String name() {
    return "no-identity-numbers";
  }

  @Override
  public List<GateFailure> check(Connection connection, String catalog) throws SQLException {
    CatalogTables tables = CatalogTables.read(connection, catalog);
    List<GateFailure> failures = new ArrayList<>();
    for (var table : tables.tables().entrySet()) {
      List<String> text =
          table.getValue().stream()
              .filter(c -> c.dataType().equalsIgnoreCase("VARCHAR"))
              .map(CatalogTables.TableColumn::name)
              .toList();
      if (text.isEmpty()) {
        continue;
      }
      // One scan per table, one count per text column.
      List<String> counts = new ArrayList<>();
      for (String column : text) {
        counts.add("count_if(regexp_full_match(trim(" + Sql.id(column) + "), ?))");
      }
      String query =
          "select " + String.join(", ", counts) + " from " + Sql.table(catalog, table.getKey());
      try (PreparedStatement statement = connection.prepareStatement(query)) {
        for (int i = 1; i <= text.size(); i++) {
          statement.setString(i, IDENTITY_NUMBER_SHAPE);
        }
        try (ResultSet rows = statement.executeQuery()) {
          rows.next();
          for (int i = 0; i < text.size(); i++) {
            long found = rows.getLong(i + 1);
            if (found > 0) {
              failures.add(
                  new GateFailure(
                      name(),
                      table.getKey()
                          + "."
                          + text.get(i)
                          + " holds "
                          + found
                          + " value(s) shaped like an identity number"));
            }
          }
        }
      }
    }
    return failures;
  }
}
