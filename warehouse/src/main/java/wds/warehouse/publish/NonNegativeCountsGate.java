package wds.warehouse.publish;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The gate that no count is negative: every numeric column whose name says it counts (rows,
 * persons, numerators, denominators, {@code *_count}) in every table of the snapshot.
 */
public final class NonNegativeCountsGate implements QualityGate {

  /** Column names that hold counts in the warehouse contract and the load audit. */
  public static final Pattern COUNT_COLUMNS =
      Pattern.compile("rows|rows_.*|persons|numerator|denominator|.*_count|count_.*|n_.*");

  private final Pattern countColumns;

  public NonNegativeCountsGate() {
    this(COUNT_COLUMNS);
  }

  public NonNegativeCountsGate(Pattern countColumns) {
    this.countColumns = countColumns;
  }

  @Override
  public String name() {
    return "non-negative-counts";
  }

  @Override
  public List<GateFailure> check(Connection connection, String catalog) throws SQLException {
    CatalogTables tables = CatalogTables.read(connection, catalog);
    List<GateFailure> failures = new ArrayList<>();
    for (var table : tables.tables().entrySet()) {
      for (CatalogTables.TableColumn column : table.getValue()) {
        if (!isNumeric(column.dataType())
            || !countColumns.matcher(column.name().toLowerCase()).matches()) {
          continue;
        }
        String query =
            "select count(*) from "
                + Sql.table(catalog, table.getKey())
                + " where "
                + Sql.id(column.name())
                + " < 0";
        try (Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery(query)) {
          rows.next();
          long negative = rows.getLong(1);
          if (negative > 0) {
            failures.add(
                new GateFailure(
                    name(),
                    table.getKey()
                        + "."
                        + column.name()
                        + " is negative in "
                        + negative
                        + " row(s)"));
          }
        }
      }
    }
    return failures;
  }

  static boolean isNumeric(String duckdbType) {
    String type = duckdbType.toUpperCase();
    return type.matches("(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|DOUBLE|FLOAT|REAL|DECIMAL.*)");
  }
}
