package wds.pipeline.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.pipeline.ods.OdsColumn;
import wds.pipeline.ods.OdsTable;

class StagingCsvWriterTest {

  /** One column of every staged type, then the two the loader adds (not staged). */
  static final OdsTable TABLE =
      new OdsTable(
          LoaderFixture.CATALOG.get("civil", "assistance"),
          List.of(
              new OdsColumn("text", "VARCHAR", String.class, true),
              new OdsColumn("whole", "BIGINT", Long.class, false),
              new OdsColumn("amount", "DECIMAL(18,4)", BigDecimal.class, false),
              new OdsColumn("day", "DATE", LocalDate.class, false),
              new OdsColumn("stamp", "TIMESTAMP", LocalDateTime.class, false),
              new OdsColumn("flag", "BOOLEAN", Boolean.class, false),
              new OdsColumn("deleted", "BOOLEAN", Boolean.class, false),
              new OdsColumn("_delivery_date", "DATE", LocalDate.class, false),
              new OdsColumn("_origin", "VARCHAR", String.class, false)));

  @TempDir Path dir;

  @Test
  void everyTypeAndAwkwardText_roundTripThroughReadCsv() throws Exception {
    List<Object[]> rows = new ArrayList<>();
    String[] texts = {
      "plain",
      "",
      " leading blank",
      "trailing blank ",
      "a,b,c",
      "say \"hi\"",
      "\"",
      ",",
      "line one\nline two",
      "windows\r\nline",
      "tab\there",
      "nul\0char",
      "del\u007fchar",
      "妇女发展统计 呼图壁县",
      "中\"文,\n换行",
      "emoji 😀",
      "NULL",
      "back\\slash",
      "'single'",
      "x".repeat(100_000),
      "长".repeat(40_000)
    };
    for (String t : texts) {
      rows.add(row(t, 1L, "1.5", LocalDate.of(2025, 3, 2), LocalDateTime.of(2025, 3, 2, 0, 0)));
    }
    rows.add(row(null, null, null, null, null));
    rows.add(row("longs", Long.MAX_VALUE, "0", LocalDate.of(1, 1, 1), null));
    rows.add(row("longs2", Long.MIN_VALUE, "-0.5", LocalDate.of(9999, 12, 31), null));
    rows.add(row("longs3", 999_999_999_999L, "12345678901234.5678", null, null));
    rows.add(row("longs4", 1_000_000_000_000L, "1E+3", null, null));
    rows.add(row("zero", 0L, "0.00005", null, LocalDateTime.of(1970, 1, 1, 23, 59, 59)));
    rows.add(
        row("micros", -7L, "-3.14159", null, LocalDateTime.of(2024, 2, 29, 8, 5, 9, 123_456_789)));
    rows.get(rows.size() - 1)[5] = Boolean.TRUE;
    rows.get(rows.size() - 2)[5] = Boolean.FALSE;
    rows.get(rows.size() - 1)[6] = Boolean.TRUE;

    List<List<Object>> back = roundTrip(rows);

    assertThat(back).hasSize(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Object[] in = rows.get(i);
      List<Object> out = back.get(i);
      assertThat(out.get(0)).as("text of row %d", i).isEqualTo(in[0]);
      assertThat(out.get(1)).as("whole of row %d", i).isEqualTo(in[1]);
      assertThat(out.get(2))
          .as("amount of row %d", i)
          .isEqualTo(
              in[2] == null
                  ? null
                  : ((BigDecimal) in[2]).setScale(4, java.math.RoundingMode.HALF_UP));
      assertThat(out.get(3)).as("day of row %d", i).isEqualTo(in[3]);
      LocalDateTime at = (LocalDateTime) in[4];
      assertThat(out.get(4))
          .as("timestamp of row %d (to the microsecond)", i)
          .isEqualTo(at == null ? null : at.withNano(at.getNano() / 1000 * 1000));
      assertThat(out.get(5)).as("flag of row %d", i).isEqualTo(in[5]);
      assertThat(out.get(6)).as("an absent deleted flag is false").isEqualTo(in[6] != null);
      assertThat(out.get(7)).as("line of row %d", i).isEqualTo((long) i + 2);
    }
  }

  @Test
  void emptyStringAndNull_stayApart() throws Exception {
    List<List<Object>> back =
        roundTrip(List.of(row("", null, null, null, null), row(null, null, null, null, null)));

    assertThat(back.get(0).get(0)).isEqualTo("");
    assertThat(back.get(1).get(0)).isNull();
  }

  @Test
  void manyRowsWithLineBreaksAndQuotes_allComeBackWhole() throws Exception {
    Random random = new Random(7);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 60_000; i++) {
      String text =
          switch (random.nextInt(4)) {
            case 0 -> "k" + i;
            case 1 -> "k" + i + "\n\"quoted\", more\n";
            case 2 -> "键" + i + ",逗号";
            default -> " k" + i + " ";
          };
      rows.add(row(text, (long) i, null, null, null));
    }

    List<List<Object>> back = roundTrip(rows);

    assertThat(back).hasSize(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertThat(back.get(i).get(0)).isEqualTo(rows.get(i)[0]);
      assertThat(back.get(i).get(1)).isEqualTo((long) i);
    }
  }

  @Test
  void pseudonymColumn_isWrittenAsItsHexDigitsAndReadBackEqual() throws Exception {
    OdsTable keyed =
        new OdsTable(
            LoaderFixture.CATALOG.get("civil", "assistance"),
            List.of(
                new OdsColumn("person_key", "VARCHAR", String.class, true, true),
                new OdsColumn("deleted", "BOOLEAN", Boolean.class, false),
                new OdsColumn("_delivery_date", "DATE", LocalDate.class, false),
                new OdsColumn("_origin", "VARCHAR", String.class, false)));
    wds.pipeline.pseudonym.Pseudonymiser keys =
        wds.pipeline.pseudonym.Pseudonymiser.fromKey(new byte[32]);
    List<String> written = new ArrayList<>();
    Path file = dir.resolve("keys.csv");
    try (StagingCsvWriter out = new StagingCsvWriter(file, keyed)) {
      for (int i = 0; i < 1_000; i++) {
        String key = keys.keyOfText("student-" + i);
        written.add(key);
        out.write(new Object[] {key, null}, i + 2);
      }
    }
    List<String> back = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT person_key FROM read_csv('"
                    + file
                    + "', "
                    + StagingCsvWriter.readOptions(keyed)
                    + ") ORDER BY _line")) {
      while (rs.next()) {
        back.add(rs.getString(1));
      }
    }
    assertThat(back).isEqualTo(written);
    assertThat(Files.readAllLines(file).get(0)).isEqualTo(written.get(0) + ",false,2");
  }

  private static Object[] row(
      String text, Long whole, String amount, LocalDate day, LocalDateTime at) {
    return new Object[] {
      text, whole, amount == null ? null : new BigDecimal(amount), day, at, null, null
    };
  }

  /** Writes the rows (lines 2, 3, ...), loads them with the loader's read_csv options. */
  private List<List<Object>> roundTrip(List<Object[]> rows) throws Exception {
    Path file = dir.resolve("rows-" + System.nanoTime() + ".csv");
    try (StagingCsvWriter out = new StagingCsvWriter(file, TABLE)) {
      for (int i = 0; i < rows.size(); i++) {
        out.write(Arrays.copyOf(rows.get(i), rows.get(i).length), i + 2);
      }
    }
    List<List<Object>> back = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE t (text VARCHAR, whole BIGINT, amount DECIMAL(18,4), day DATE,"
              + " stamp TIMESTAMP, flag BOOLEAN, deleted BOOLEAN, _line BIGINT)");
      try (PreparedStatement load =
          c.prepareStatement(
              "INSERT INTO t SELECT * FROM read_csv(?, "
                  + StagingCsvWriter.readOptions(TABLE)
                  + ")")) {
        load.setString(1, file.toString());
        load.executeUpdate();
      }
      try (ResultSet rs = st.executeQuery("SELECT * FROM t ORDER BY _line")) {
        while (rs.next()) {
          back.add(
              Arrays.asList(
                  rs.getString(1),
                  rs.getObject(2) == null ? null : rs.getLong(2),
                  rs.getBigDecimal(3),
                  rs.getObject(4, LocalDate.class),
                  rs.getObject(5, LocalDateTime.class),
                  rs.getObject(6),
                  rs.getObject(7),
                  rs.getLong(8)));
        }
      }
    }
    return back;
  }
}
