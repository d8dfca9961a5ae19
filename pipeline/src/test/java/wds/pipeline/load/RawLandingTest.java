package wds.pipeline.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import wds.pipeline.ods.OdsTable;
import wds.pipeline.read.CsvRecordReader;
import wds.pipeline.read.RawRecord;
import wds.pipeline.read.RecordReader;
import wds.pipeline.validate.RecordShape;
import wds.schemas.sql.SqlFile;

/**
 * The raw landing of a UTF-8 CSV file (byte-level pre-scan, DuckDB's read_csv, set-aside records
 * read by the Java reader) gives exactly what the Java reader and {@link RecordShape} give for the
 * whole file: the same well-formed records with the same lines and values, and the same malformed
 * ones with the same faults.
 */
class RawLandingTest {

  @TempDir Path dir;

  static LongStream seeds() {
    return LongStream.range(0, 60);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void directLanding_equalsTheJavaReader(long seed) throws Exception {
    Path file = fuzz(new Random(seed));
    assertSameAsJavaReader(file);
  }

  @Test
  void manyRowsWithLineBreaksAndQuotes_allComeBackWholeOnTheirLines() throws Exception {
    Random random = new Random(7);
    StringBuilder csv = new StringBuilder("id,text,n\n");
    for (int i = 0; i < 60_000; i++) {
      String text =
          switch (random.nextInt(4)) {
            case 0 -> "k" + i;
            case 1 -> "k" + i + "\n\"quoted\", more\n";
            case 2 -> "键" + i + ",逗号";
            default -> " k" + i + " ";
          };
      csv.append(i).append(',').append(quoted(text)).append(',').append(i).append('\n');
    }
    Path file = dir.resolve("many.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    assertSameAsJavaReader(file);
  }

  @Test
  void everyAwkwardText_landsAsDelivered() throws Exception {
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
      "x".repeat(100_001),
      "长".repeat(40_000),
      "\uFFFD"
    };
    StringBuilder csv = new StringBuilder("id,text,n\r\n");
    for (int i = 0; i < texts.length; i++) {
      csv.append(i).append(',').append(quoted(texts[i])).append(',').append(i).append("\r\n");
    }
    Path file = dir.resolve("awkward.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    assertSameAsJavaReader(file);
  }

  private void assertSameAsJavaReader(Path file) throws Exception {
    List<String> expectedRows = new ArrayList<>();
    List<String> expectedMalformed = new ArrayList<>();
    long expectedRead = 0;
    List<String> header;
    try (RecordReader reader = CsvRecordReader.open(file, StandardCharsets.UTF_8)) {
      header = reader.header();
      RecordShape shape = new RecordShape(header);
      RawRecord r;
      while ((r = reader.next()) != null) {
        expectedRead++;
        String fault = shape.fault(r);
        if (fault == null) {
          expectedRows.add(r.line() + " " + Arrays.toString(r.values()));
        } else {
          expectedMalformed.add(r.line() + " " + fault + " " + Arrays.toString(r.values()));
        }
      }
    }

    OdsStatements sql =
        new OdsStatements(OdsTable.of(LoaderFixture.CATALOG.get("civil", "assistance")));
    Path folder = Files.createDirectory(dir.resolve("staging-" + file.getFileName()));
    List<String> rows = new ArrayList<>();
    List<String> malformed = new ArrayList<>();
    RawLanding.Landed landed;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        RecordReader reader = CsvRecordReader.open(file, StandardCharsets.UTF_8)) {
      landed =
          new RawLanding(c, sql, folder)
              .land(source(file, reader), reader, reader.header(), n -> {});
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT * FROM " + SqlFile.quote(sql.stagingTable("raw")) + " ORDER BY _line")) {
        while (rs.next()) {
          String[] values = new String[header.size()];
          for (int i = 0; i < values.length; i++) {
            String v = rs.getString(i + 2);
            values[i] = v == null ? "" : v;
          }
          rows.add(rs.getLong(1) + " " + Arrays.toString(values));
        }
      }
    }
    for (RawLanding.Malformed m : landed.malformed()) {
      malformed.add(
          m.record().line() + " " + m.fault() + " " + Arrays.toString(m.record().values()));
    }

    assertThat(rows).containsExactlyElementsOf(expectedRows);
    assertThat(malformed).containsExactlyElementsOf(expectedMalformed);
    assertThat(landed.read()).isEqualTo(expectedRead);
  }

  @Test
  void landingInFileOrder_leavesTheConnectionsOwnInsertionOrderSetting() throws Exception {
    Path file = dir.resolve("order.csv");
    Files.writeString(file, "id,text,n\n1,a,2\n3,b,4\n");
    OdsStatements sql =
        new OdsStatements(OdsTable.of(LoaderFixture.CATALOG.get("civil", "assistance")));
    Path folder = Files.createDirectory(dir.resolve("staging-order"));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        RecordReader reader = CsvRecordReader.open(file, StandardCharsets.UTF_8)) {
      try (Statement st = c.createStatement()) {
        st.execute("SET preserve_insertion_order = false");
      }
      new RawLanding(c, sql, folder).land(source(file, reader), reader, reader.header(), n -> {});
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT current_setting('preserve_insertion_order')")) {
        rs.next();
        assertThat(rs.getBoolean(1)).isFalse();
      }
    }
  }

  private static RecordSource source(Path file, RecordReader reader) {
    return new RecordSource() {
      @Override
      public String origin() {
        return file.getFileName().toString();
      }

      @Override
      public RecordReader open() {
        return reader;
      }

      @Override
      public Optional<Path> utf8Csv() {
        return Optional.of(file);
      }
    };
  }

  /** A file mixing good records with every kind of bad and awkward one, LF or CR LF. */
  private Path fuzz(Random random) throws Exception {
    String newline = random.nextBoolean() ? "\n" : "\r\n";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (random.nextInt(4) == 0) {
      bytes.writeBytes("\uFEFF".getBytes(StandardCharsets.UTF_8));
    }
    bytes.writeBytes(("id,text,n" + newline).getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 200; i++) {
      String text = randomText(random);
      String row =
          switch (random.nextInt(14)) {
            case 0 -> i + "," + quoted(text) + ",1,extra";
            case 1 -> i + "," + quoted(text);
            case 2 -> i + ",\"" + text.replace("\"", "") + "\"x," + i;
            case 3 -> i + ",\"first" + newline + "second\"tail\"more" + newline + "rest\"," + i;
            case 4 -> null; // undecodable bytes, written below
            case 5 -> i + ",ab\"c," + i; // a quote inside an unquoted field
            case 6 -> i + "," + quoted(text + "\t") + "," + i; // a control character
            case 7 -> i + "," + text.replace("\"", "").replace(",", "") + "," + i; // unquoted
            case 8 -> i + "," + quoted("x".repeat(99_990 + random.nextInt(20))) + "," + i;
            case 9 -> i + ",\"never closed" + newline + "and on";
            default -> i + "," + quoted(text) + "," + i;
          };
      if (row == null) {
        bytes.writeBytes((i + ",").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0x80});
        bytes.writeBytes(("," + i + newline).getBytes(StandardCharsets.UTF_8));
      } else {
        bytes.writeBytes((row + newline).getBytes(StandardCharsets.UTF_8));
      }
      if (random.nextInt(15) == 0) {
        bytes.writeBytes(newline.getBytes(StandardCharsets.UTF_8)); // a blank line
      }
      if (row != null && row.contains("never closed")) {
        break; // the rest of the file belongs to the open quote
      }
    }
    Path file = dir.resolve("fuzz.csv");
    Files.write(file, bytes.toByteArray());
    return file;
  }

  private static String randomText(Random random) {
    String[] parts = {"a", "呼图壁", ",", "\"", " ", "x y", "\n", "\r\n", "0", "女", "😀"};
    StringBuilder s = new StringBuilder();
    int n = random.nextInt(6);
    for (int i = 0; i < n; i++) {
      s.append(parts[random.nextInt(parts.length)]);
    }
    return s.toString();
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }
}
