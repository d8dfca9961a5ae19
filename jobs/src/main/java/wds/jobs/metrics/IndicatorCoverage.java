package wds.jobs.metrics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalDouble;

/**
 * The share of the plan's indicators that have a value in a year, read from a published snapshot
 * ({@code indicator_value} against the catalogue table {@code indicator}).
 */
public final class IndicatorCoverage {

  private IndicatorCoverage() {}

  /** The share in [0, 1]; empty when the snapshot or its tables do not exist yet. */
  public static OptionalDouble ratio(Path snapshot, int year) throws SQLException {
    if (!Files.exists(snapshot)) {
      return OptionalDouble.empty();
    }
    try (Connection connection = WarehouseReader.open(snapshot)) {
      if (!WarehouseReader.hasTable(connection, "indicator_value")
          || !WarehouseReader.hasTable(connection, "indicator")) {
        return OptionalDouble.empty();
      }
      try (PreparedStatement statement =
          connection.prepareStatement(WarehouseReader.sql("indicator_coverage"))) {
        statement.setInt(1, year);
        try (ResultSet row = statement.executeQuery()) {
          row.next();
          long indicators = row.getLong("indicators");
          return indicators == 0
              ? OptionalDouble.empty()
              : OptionalDouble.of((double) row.getLong("with_value") / indicators);
        }
      }
    }
  }
}
