package wds.pipeline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class WatermarksTest {

  private static final LocalDateTime T1 = LocalDateTime.parse("2025-03-01T10:00:00");
  private static final LocalDateTime T2 = LocalDateTime.parse("2025-03-02T10:00:00");

  private static Connection duckdb() throws SQLException {
    return DriverManager.getConnection("jdbc:duckdb:");
  }

  @Test
  void thereIsNoMarkBeforeTheFirstCommittedPull() throws SQLException {
    try (Connection c = duckdb()) {
      assertThat(Watermarks.highWater(c, "health", "births")).isEmpty();
    }
  }

  @Test
  void aMarkMovesForwardPerSourceAndExtractButNeverBack() throws SQLException {
    try (Connection c = duckdb()) {
      Watermarks.advance(c, "health", "births", T1);
      Watermarks.advance(c, "health", "births", T2);
      Watermarks.advance(c, "health", "births", T1);
      Watermarks.advance(c, "health", "births", null);
      Watermarks.advance(c, "hr", "births", T1);

      assertThat(Watermarks.highWater(c, "health", "births")).contains(T2);
      assertThat(Watermarks.highWater(c, "hr", "births")).contains(T1);
      assertThat(Watermarks.highWater(c, "health", "pregnancies")).isEmpty();
    }
  }

  @Test
  void aMarkAdvancedInATransactionThatRollsBackStaysWhereItWas() throws SQLException {
    try (Connection c = duckdb()) {
      Watermarks.advance(c, "health", "births", T1);
      c.setAutoCommit(false);
      Watermarks.advance(c, "health", "births", T2);
      c.rollback();
      c.setAutoCommit(true);

      assertThat(Watermarks.highWater(c, "health", "births")).contains(T1);
    }
  }
}
