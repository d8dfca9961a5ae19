package wds.jobs.metrics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import wds.warehouse.report.ReportYears;

/**
 * The share of the plan's indicators that have a value in a year, read from a published snapshot
 * ({@code indicator_value} against the catalogue table {@code indicator}).
 */
public final class IndicatorCoverage {

  private IndicatorCoverage() {}

  /**
   * The share in [0, 1] for the year the committee asks about: the plan's latest complete year when
   * the snapshot records the plan's years ({@link ReportYears}), else {@code calendarYear} (a
   * snapshot built before it did); empty when the snapshot or its tables do not exist yet.
   */
  public static OptionalDouble ratioThisYear(Path snapshot, int calendarYear) throws SQLException {
    if (!Files.exists(snapshot)) {
      return OptionalDouble.empty();
    }
    int year = calendarYear;
    try (Connection connection = WarehouseReader.open(snapshot)) {
      if (WarehouseReader.hasTable(connection, "build_context")
          && WarehouseReader.hasTable(connection, "indicator_value")) {
        OptionalInt complete = ReportYears.read(connection).latestCompleteYear();
        if (complete.isPresent()) {
          year = complete.getAsInt();
        }
      }
    }
    return ratio(snapshot, year);
  }

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
