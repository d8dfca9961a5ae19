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
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files mixing good records with every kind of bad one: each bad record costs exactly itself, and
 * every good record after it comes back whole, on its own line.
 */
class CsvRecordReaderFuzzTest {

  @TempDir Path dir;

  static LongStream seeds() {
    return LongStream.range(0, 40);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void badRecordsNeverCostTheirNeighbours(long seed) throws IOException {
    Random random = new Random(seed);
    Charset charset = random.nextBoolean() ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
    String newline = random.nextBoolean() ? "\n" : "\r\n";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (random.nextInt(4) == 0) {
      bytes.writeBytes("\uFEFF".getBytes(charset));
    }
    bytes.writeBytes(("id,text,n" + newline).getBytes(charset));
    List<Long> lines = new ArrayList<>();
    List<Boolean> bad = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    long line = 2;
    for (int i = 0; i < 200; i++) {
      int kind = random.nextInt(10);
      String text = randomText(random);
      String row;
      int physical = 1 + count(text, '\n');
      boolean broken = true;
      switch (kind) {
        case 0 -> row = i + "," + quoted(text) + ",1,extra";
        case 1 -> row = i + "," + quoted(text);
        case 2 -> row = i + ",\"" + text.replace("\"", "") + "\"x," + i;
        case 3 -> {
          String multi = "first" + newline + "second";
          row = i + ",\"" + multi + "\"tail\"" + "more" + newline + "rest\"," + i;
          physical = 3;
        }
        case 4 -> {
          row = null; // undecodable bytes, written below
          physical = 1;
        }
        default -> {
          row = i + "," + quoted(text) + "," + i;
          broken = false;
        }
      }
      if (row == null) {
        bytes.writeBytes((i + ",").getBytes(charset));
        bytes.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0x80});
        bytes.writeBytes(("," + i + newline).getBytes(charset));
      } else {
        bytes.writeBytes((row + newline).getBytes(charset));
      }
      if (kind == 3) {
        // a quote reopened after the fault: the record runs to the end of that line, and the
        // following line (still inside the reopened quote) is read as its own malformed record
        lines.add(line);
        bad.add(true);
        texts.add(null);
        lines.add(line + 2);
        bad.add(true);
        texts.add(null);
      } else {
        lines.add(line);
        bad.add(broken);
        texts.add(broken ? null : text);
      }
      line += physical;
      if (random.nextInt(15) == 0) {
        bytes.writeBytes(newline.getBytes(charset)); // a blank line
        line++;
      }
    }
    Path file = dir.resolve("fuzz.csv");
    Files.write(file, bytes.toByteArray());

    try (RecordReader reader = RecordReaders.open(file, charset)) {
      assertThat(reader.header()).containsExactly("id", "text", "n");
      List<RawRecord> records = CsvRecordReaderTest.readAll(reader);

      assertThat(records).extracting(RawRecord::line).containsExactlyElementsOf(lines);
      assertThat(records).extracting(RawRecord::isMalformed).containsExactlyElementsOf(bad);
      for (int i = 0; i < records.size(); i++) {
        if (texts.get(i) != null) {
          assertThat(records.get(i).values()[1])
              .isEqualTo(
                  texts.get(i).replace("\r\n", "\n").equals(texts.get(i))
                      ? texts.get(i)
                      : texts.get(i));
        }
      }
    }
  }

  private static String randomText(Random random) {
    String[] parts = {"a", "呼图壁", ",", "\"", " ", "x y", "\n", "0", "女"};
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

  private static int count(String s, char c) {
    return (int) s.chars().filter(x -> x == c).count();
  }
}
