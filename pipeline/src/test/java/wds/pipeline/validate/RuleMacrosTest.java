package wds.pipeline.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The value grammars as DuckDB macros give the typed value the warehouse keeps, and null exactly
 * where the contract's grammar says no (DuckDB's own casts are more lenient).
 */
class RuleMacrosTest {

  private static Connection connection;

  @BeforeAll
  static void open() throws Exception {
    connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement st = connection.createStatement()) {
      for (String macro : RuleQuery.macros()) {
        st.execute(macro);
      }
    }
  }

  @AfterAll
  static void close() throws Exception {
    connection.close();
  }

  private static Object eval(String macro, String value, Class<?> type) throws Exception {
    try (PreparedStatement st = connection.prepareStatement("SELECT " + macro + "(?)")) {
      st.setString(1, value);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return type == null ? rs.getObject(1) : rs.getObject(1, type);
      }
    }
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "NULL",
      value = {
        "1, 1",
        "+7, 7",
        "-7, -7",
        "0, 0",
        "999999999999, 999999999999",
        "1000000000000, 1000000000000",
        "999999999999999999, 999999999999999999",
        "9223372036854775807, NULL",
        "' 1', NULL",
        "'1 ', NULL",
        "1_000, NULL",
        "1e3, NULL",
        "3.5, NULL",
        "-, NULL",
        "'', NULL"
      })
  void wholeNumbers(String text, Long expected) throws Exception {
    assertThat(eval("wds_int", text, null)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "NULL",
      value = {
        "1.5, 1.5000",
        "0, 0.0000",
        "-0.5, -0.5000",
        "12345678901234.5678, 12345678901234.5678",
        "0.00005, 0.0001",
        "-3.14159, -3.1416",
        ".5, 0.5000",
        "5., 5.0000",
        "+2, 2.0000",
        "123456789012345, NULL",
        "1E+3, NULL",
        "1e3, NULL",
        "., NULL",
        "' 1', NULL",
        "1_0, NULL"
      })
  void decimals(String text, BigDecimal expected) throws Exception {
    assertThat(eval("wds_dec", text, null)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "NULL",
      value = {
        "2025-03-02, 2025-03-02",
        "0001-01-01, 0001-01-01",
        "9999-12-31, 9999-12-31",
        "2024-02-29, 2024-02-29",
        "2025-02-29, NULL",
        "2025-13-01, NULL",
        "2025-3-2, NULL",
        "' 2025-03-02', NULL",
        "'2025-03-02 ', NULL",
        "+025-03-02, NULL",
        "20250302, NULL",
        "2025-03-02T00:00, NULL"
      })
  void dates(String text, LocalDate expected) throws Exception {
    assertThat(eval("wds_date", text, LocalDate.class)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "NULL",
      value = {
        "2025-03-02T00:00, 2025-03-02T00:00",
        "2025-03-02 08:30, 2025-03-02T08:30",
        "2025-03-02t08:30:15, 2025-03-02T08:30:15",
        "1970-01-01T23:59:59, 1970-01-01T23:59:59",
        "2024-02-29T08:05:09.123456789, 2024-02-29T08:05:09.123456",
        "2025-03-01T08:30:15.12, 2025-03-01T08:30:15.120",
        "2025-03-01T24:00, NULL",
        "2025-03-01T23:60, NULL",
        "2025-03-01T23:59:60, NULL",
        "2025-03-01T08:00:00.1234567891, NULL",
        "2025-03-01T08:00:00., NULL",
        "2025-02-29T08:00, NULL",
        "2025-03-01, NULL",
        "'2025-03-01T08:00 ', NULL",
        "2025-03-01T08:00:00+08, NULL",
        "' 025-03-01T08:00:00', NULL",
        "+025-03-01T08:00:00, NULL",
        "2025-03-01T 8:00:00, NULL",
        "2025-03-01T08:00:60, NULL",
        "2025-02-29T00:00:00, NULL",
        "2024-02-29T23:59:59, 2024-02-29T23:59:59"
      })
  void timestamps(String text, LocalDateTime expected) throws Exception {
    assertThat(eval("wds_timestamp", text, LocalDateTime.class)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "NULL",
      value = {"Y, true", "N, false", "y, NULL", "'', NULL"})
  void flags(String text, Boolean expected) throws Exception {
    assertThat(eval("wds_flag", text, null)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      value = {
        "'', true",
        "'   ', true",
        "'\u3000', true",
        "' a ', false",
        "a, false",
        "'\u00a0', false"
      })
  void blanksOnly_areEmpty(String text, boolean empty) throws Exception {
    assertThat(eval("wds_unblank", text, null) == null).isEqualTo(empty);
  }

  @ParameterizedTest
  @CsvSource(
      value = {
        "a b, true",
        "'a\nb', true",
        "'a\u3000b', true",
        "'a\u00a0b', true",
        "ab, false",
        "呼图壁, false"
      })
  void blanksAnywhere(String text, boolean blank) throws Exception {
    assertThat(eval("wds_has_blank", text, null)).isEqualTo(blank);
  }
}
