package wds.pipeline.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRecordReaderTest {

  private static final Charset GB18030 = Charset.forName("GB18030");

  @TempDir Path dir;

  @Test
  void readsTheHeaderAndRecordsWithTheirLines() throws IOException {
    Path file = write("a.csv", "id,name,n\n1,x,2\n2,y,3\n", StandardCharsets.UTF_8);

    try (RecordReader reader = RecordReaders.open(file, StandardCharsets.UTF_8)) {
      assertThat(reader.header()).containsExactly("id", "name", "n");
      List<RawRecord> records = readAll(reader);
      assertThat(records).extracting(RawRecord::line).containsExactly(2L, 3L);
      assertThat(records.get(1).values()).containsExactly("2", "y", "3");
      assertThat(records).noneMatch(RawRecord::isMalformed);
    }
  }

  @Test
  void aUtf8ByteOrderMarkIsNotPartOfTheFirstColumnName() throws IOException {
    Path file = write("bom.csv", "\uFEFF\"id\",name\r\n1,x\r\n", StandardCharsets.UTF_8);

    try (RecordReader reader = RecordReaders.open(file, StandardCharsets.UTF_8)) {
      assertThat(reader.header()).containsExactly("id", "name");
      assertThat(readAll(reader).get(0).values()).containsExactly("1", "x");
    }
  }

  @Test
  void readsGb18030WhenToldSo() throws IOException {
    Path file =
        write("areas.csv", "area_code,name\n652323101001,呼图壁镇\n652323102001,大丰镇\n", GB18030);

    try (RecordReader reader = RecordReaders.open(file, GB18030)) {
      List<RawRecord> records = readAll(reader);
      assertThat(records).extracting(r -> r.values()[1]).containsExactly("呼图壁镇", "大丰镇");
      assertThat(records).noneMatch(RawRecord::isMalformed);
    }
  }

  @Test
  void gb18030ReadAsUtf8MarksTheRecordsWithChineseMalformed() throws IOException {
    Path file =
        write("areas.csv", "area_code,name\n652323101001,呼图壁镇\n652323000000,county\n", GB18030);

    try (RecordReader reader = RecordReaders.open(file, StandardCharsets.UTF_8)) {
      List<RawRecord> records = readAll(reader);
      assertThat(records.get(0).malformed()).contains("undecodable bytes in field 2");
      assertThat(records.get(1).isMalformed()).isFalse();
      assertThat(records.get(1).values()).containsExactly("652323000000", "county");
    }
  }

  @Test
  void quotedFieldsMayHoldSeparatorsQuotesAndLineBreaks() throws IOException {
    Path file =
        write(
            "q.csv",
            "id,note,n\n1,\"a, b\",2\n2,\"she said \"\"hi\"\"\",3\n3,\"line one\nline two\r\nline three\",4\n4,plain,5\n",
            StandardCharsets.UTF_8);

    try (RecordReader reader = RecordReaders.open(file, StandardCharsets.UTF_8)) {
      List<RawRecord> records = readAll(reader);
      assertThat(records)
          .extracting(r -> r.values()[1])
          .containsExactly("a, b", "she said \"hi\"", "line one\nline two\r\nline three", "plain");
      assertThat(records).extracting(RawRecord::line).containsExactly(2L, 3L, 4L, 7L);
      assertThat(records).noneMatch(RawRecord::isMalformed);
    }
  }

  @Test
  void aRecordWithTheWrongFieldCountIsMalformedAndTheNextReadsFine() throws IOException {
    Path file = write("f.csv", "a,b,c\n1,2\n1,2,3,4\n5,6,7\n", StandardCharsets.UTF_8);

    try (RecordReader reader = RecordReaders.open(file, StandardCharsets.UTF_8)) {
      List<RawRecord> records = readAll(reader);
      assertThat(records)
          .extracting(RawRecord::malformed)
          .containsExactly(
              "2 fields where the header has 3", "4 fields where the header has 3", null);
      assertThat(records.get(2).values()).containsExactly("5", "6", "7");
      assertThat(records).extracting(RawRecord::line).containsExactly(2L, 3L, 4L);
    }
  }

  @Test
  void brokenQuotingIsMalformedAndReadingGoesOnAtTheNextLine() throws IOException {
    Path file =
        write(
            "b.csv",
            "a,b,c\n1,2,3\n\"abc\"x,2,3\n4,\"multi\nline\",6\n7,\"q\"z\n8,9,10\n\"x\ny\"oops,\"open\n11,12,13\n",
            StandardCharsets.UTF_8);

    try (RecordReader reader = RecordReaders.open(file, StandardCharsets.UTF_8)) {
      List<RawRecord> records = readAll(reader);
      assertThat(records).extracting(RawRecord::line).containsExactly(2L, 3L, 4L, 6L, 7L, 8L, 10L);
      assertThat(records)
          .extracting(RawRecord::isMalformed)
          .containsExactly(false, true, false, true, false, true, false);
      assertThat(records.get(1).malformed()).startsWith("broken quoting");
      assertThat(records.get(2).values()).containsExactly("4", "multi\nline", "6");
      assertThat(records.get(4).values()).containsExactly("8", "9", "10");
      assertThat(records.get(6).values()).containsExactly("11", "12", "13");
    }
  }

  @Test
  void aQuoteNeverClosedIsOneMalformedRecordToTheEnd() throws IOException {
    Path file = write("u.csv", "a,b,c\n1,2,3\n4,5,\"six\n7,8,9\n", StandardCharsets.UTF_8);

    try (RecordReader reader = RecordReaders.open(file, StandardCharsets.UTF_8)) {
      List<RawRecord> records = readAll(reader);
      assertThat(records).hasSize(2);
      assertThat(records.get(1).line()).isEqualTo(3L);
      assertThat(records.get(1).malformed()).startsWith("broken quoting");
    }
  }

  @Test
  void invalidBytesMarkOnlyTheirRecord() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("a,b\n1,ok\n2,".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
    bytes.writeBytes("\n3,fine\n".getBytes(StandardCharsets.UTF_8));
    Path file = dir.resolve("bad.csv");
    Files.write(file, bytes.toByteArray());

    try (RecordReader reader = RecordReaders.open(file, StandardCharsets.UTF_8)) {
      List<RawRecord> records = readAll(reader);
      assertThat(records).extracting(RawRecord::isMalformed).containsExactly(false, true, false);
      assertThat(records.get(1).malformed()).contains("undecodable");
      assertThat(records.get(2).values()).containsExactly("3", "fine");
    }
  }

  @Test
  void blankLinesAreNotRecordsButCountAsLines() throws IOException {
    Path file = write("e.csv", "a,b\n\n1,2\n\n\n3,4\n", StandardCharsets.UTF_8);

    try (RecordReader reader = RecordReaders.open(file, StandardCharsets.UTF_8)) {
      assertThat(readAll(reader)).extracting(RawRecord::line).containsExactly(3L, 6L);
    }
  }

  @Test
  void anEmptyFileHasNoHeaderAndNoRecords() throws IOException {
    Path file = write("empty.csv", "", StandardCharsets.UTF_8);

    try (RecordReader reader = RecordReaders.open(file, StandardCharsets.UTF_8)) {
      assertThat(reader.header()).isEmpty();
      assertThat(reader.next()).isNull();
    }
  }

  @Test
  void manyLongRecordsAcrossBufferBoundariesKeepTheirLines() throws IOException {
    StringBuilder csv = new StringBuilder("a,b,c\n");
    String longText = "x".repeat(5000);
    int line = 2;
    List<Long> expected = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      expected.add((long) line);
      if (i % 50 == 7) {
        csv.append("\"bro\"ken,").append(longText).append(",1\n");
        line += 1;
      } else if (i % 10 == 3) {
        csv.append(i).append(",\"").append(longText).append("\n").append(longText).append("\",z\n");
        line += 2;
      } else {
        csv.append(i).append(',').append(longText).append(",z\n");
        line += 1;
      }
    }
    Path file = write("long.csv", csv.toString(), StandardCharsets.UTF_8);

    try (RecordReader reader = RecordReaders.open(file, StandardCharsets.UTF_8)) {
      List<RawRecord> records = readAll(reader);
      assertThat(records).extracting(RawRecord::line).containsExactlyElementsOf(expected);
      assertThat(records.stream().filter(RawRecord::isMalformed)).hasSize(6);
      assertThat(records.get(299).values()[0]).isEqualTo("299");
    }
  }

  private Path write(String name, String content, Charset charset) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content.getBytes(charset));
    return file;
  }

  static List<RawRecord> readAll(RecordReader reader) throws IOException {
    List<RawRecord> records = new ArrayList<>();
    for (RawRecord r = reader.next(); r != null; r = reader.next()) {
      records.add(r);
    }
    return records;
  }
}
