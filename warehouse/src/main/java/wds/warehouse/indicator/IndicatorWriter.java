package wds.warehouse.indicator;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import wds.warehouse.Plan;
import wds.warehouse.warning.IndicatorWarning;

/**
 * Writes the engine's tables ({@code indicator}, {@code indicator_value}, {@code
 * indicator_warning}) into a catalog with DuckDB's appender, in their DDL's column order.
 */
public final class IndicatorWriter {

  private final Connection conn;
  private final String catalog;

  public IndicatorWriter(Connection conn, String catalog) {
    this.conn = conn;
    this.catalog = catalog;
  }

  public void catalogue(Plan plan, IndicatorCatalogue catalogue) throws SQLException {
    try (DuckDBAppender a = appender("indicator")) {
      for (CatalogueEntry e : catalogue.entries()) {
        a.beginRow();
        text(a, e.code());
        text(a, e.domain());
        text(a, e.nameZh());
        text(a, e.nameEn());
        text(a, e.unit().code());
        number(a, e.unit().factor().doubleValue());
        text(a, e.target().op().code());
        number(a, e.target().value() == null ? null : e.target().value().doubleValue());
        number(a, e.target().op() == TargetOp.APPROX ? e.target().tolerance().doubleValue() : null);
        text(a, e.basis().code());
        a.append(e.bySex());
        text(a, blankToNull(e.numerator()));
        text(a, blankToNull(e.denominator()));
        text(a, e.planItem());
        text(a, plan.code());
        a.endRow();
      }
    }
  }

  public void values(List<IndicatorValue> values) throws SQLException {
    try (DuckDBAppender a = appender("indicator_value")) {
      for (IndicatorValue v : values) {
        a.beginRow();
        text(a, v.code());
        a.append(v.cell().year());
        text(a, v.cell().areaCode());
        text(a, v.cell().residence());
        text(a, v.cell().sex());
        number(a, v.numerator());
        number(a, v.denominator());
        number(a, v.value());
        number(a, v.interval() == null ? null : v.interval().low());
        number(a, v.interval() == null ? null : v.interval().high());
        text(a, v.targetOp().code());
        number(a, v.target());
        text(a, v.status().code());
        text(a, v.basis().code());
        a.append(v.provisional());
        a.endRow();
      }
    }
  }

  public void warnings(List<IndicatorWarning> warnings) throws SQLException {
    try (DuckDBAppender a = appender("indicator_warning")) {
      for (IndicatorWarning w : warnings) {
        a.beginRow();
        text(a, w.code());
        a.append(w.cell().year());
        text(a, w.cell().areaCode());
        text(a, w.cell().residence());
        text(a, w.cell().sex());
        text(a, w.kind().code());
        text(a, w.message());
        number(a, w.value());
        number(a, w.ciLow());
        number(a, w.ciHigh());
        text(a, w.targetOp());
        number(a, w.target());
        number(a, w.baselineValue());
        number(a, w.previousValue());
        number(a, w.projectedValue());
        number(a, w.pooledNumerator());
        number(a, w.pooledDenominator());
        number(a, w.pooledValue());
        a.endRow();
      }
    }
  }

  private DuckDBAppender appender(String table) throws SQLException {
    return conn.unwrap(DuckDBConnection.class).createAppender(catalog, "main", table);
  }

  private static void text(DuckDBAppender a, String value) throws SQLException {
    if (value == null) {
      a.appendNull();
    } else {
      a.append(value);
    }
  }

  private static void number(DuckDBAppender a, Double value) throws SQLException {
    if (value == null) {
      a.appendNull();
    } else {
      a.append(value.doubleValue());
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
