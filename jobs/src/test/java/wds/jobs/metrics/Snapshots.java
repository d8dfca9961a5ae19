package wds.jobs.metrics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;

/** Writes small DuckDB files with the audit and indicator tables of a published snapshot. */
final class Snapshots {

  private final Path file;

  Snapshots(Path file) throws Exception {
    this.file = file;
    Files.createDirectories(file.getParent());
    try (Connection c = open();
        Statement s = c.createStatement()) {
      s.execute(
          "create table etl_delivery (source varchar, extract varchar, delivery_date date, file"
              + " varchar, rows_read bigint, rows_loaded bigint, rows_rejected bigint, sha256"
              + " varchar, status varchar, started_at timestamp, finished_at timestamp)");
      s.execute("create table indicator (code varchar)");
      s.execute(
          "create table indicator_value (indicator_code varchar, year int, area_code varchar,"
              + " residence varchar, sex varchar, value double)");
    }
  }

  Snapshots delivery(String source, LocalDate date, String status) throws Exception {
    try (Connection c = open();
        PreparedStatement s =
            c.prepareStatement(
                "insert into etl_delivery values (?, 'x', ?, 'x.csv', 1, 1, 0, '', ?,"
                    + " current_timestamp, current_timestamp)")) {
      s.setString(1, source);
      s.setObject(2, date);
      s.setString(3, status);
      s.execute();
    }
    return this;
  }

  Snapshots indicators(int count) throws Exception {
    try (Connection c = open();
        PreparedStatement s = c.prepareStatement("insert into indicator values (?)")) {
      for (int i = 1; i <= count; i++) {
        s.setString(1, "I" + i);
        s.execute();
      }
    }
    return this;
  }

  Snapshots value(String indicator, int year, Double value) throws Exception {
    try (Connection c = open();
        PreparedStatement s =
            c.prepareStatement(
                "insert into indicator_value values (?, ?, '652323000000', 'all', '0', ?)")) {
      s.setString(1, indicator);
      s.setInt(2, year);
      s.setObject(3, value);
      s.execute();
    }
    return this;
  }

  private Connection open() throws Exception {
    return DriverManager.getConnection("jdbc:duckdb:" + file);
  }
}
