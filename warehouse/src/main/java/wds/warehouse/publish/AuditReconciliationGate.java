package wds.warehouse.publish;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import wds.schemas.sql.SqlFile;

/**
 * The gate that the load audit adds up: in {@code etl_delivery} every delivery has rows_read =
 * rows_loaded + rows_rejected, and the rejects it counts are the ones {@code etl_reject} lists by
 * reason (per source, extract and delivery date). A snapshot without the audit tables fails: the
 * contract puts them in every snapshot.
 */
public final class AuditReconciliationGate implements QualityGate {

  @Override
  public String name() {
    return "audit-reconciliation";
  }

  @Override
  public List<GateFailure> check(Connection connection, String catalog) throws SQLException {
    CatalogTables tables = CatalogTables.read(connection, catalog);
    List<GateFailure> failures = new ArrayList<>();
    for (String audit : List.of("etl_delivery", "etl_reject")) {
      if (!tables.has(audit)) {
        failures.add(new GateFailure(name(), "the snapshot has no " + audit + " table"));
      }
    }
    if (!failures.isEmpty()) {
      return failures;
    }
    collect(connection, catalog, "audit_unbalanced_deliveries.sql", failures);
    collect(connection, catalog, "audit_unmatched_rejects.sql", failures);
    return failures;
  }

  private void collect(Connection connection, String catalog, String sql, List<GateFailure> into)
      throws SQLException {
    String query = SqlFile.load(getClass(), sql).render(Map.of("catalog", SqlFile.quote(catalog)));
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        into.add(new GateFailure(name(), rows.getString(1)));
      }
    }
  }
}
