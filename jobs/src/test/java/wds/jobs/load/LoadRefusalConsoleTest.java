package wds.jobs.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.pipeline.load.FileChecksum;
import wds.pipeline.synthetic.CountyGenerator;
import wds.pipeline.synthetic.EducationFormat;
import wds.pipeline.synthetic.GeneratorSettings;

/**
 * Issue 9, findings 2, 3 and 6, as the operator sees them: {@code wds load} on a generated county
 * with a truncated workbook, a manifest forging a log line through a file name and a stray file
 * whose name holds terminal escapes. Exit code 2 (refused, the rest loaded), one console line per
 * refusal, no stack trace, and nothing from outside the program prints a control character.
 */
class LoadRefusalConsoleTest {

  @TempDir Path home;

  @Test
  void load_WhenFilesAreBrokenOrForged_ThenOneEscapedLinePerRefusalAndTheRestLoads()
      throws Exception {
    Path drop = home.resolve("drop");
    CountyGenerator.generate(
        GeneratorSettings.defaults().withPersons(300).withEducationFormat(EducationFormat.XLSX),
        drop);
    Deliveries.secret(home);
    // education: the workbook cut in half, its manifest restamped so that the reader meets it
    Path students = drop.resolve("education/students_20260115.xlsx");
    byte[] whole = Files.readAllBytes(students);
    Files.write(students, Arrays.copyOf(whole, whole.length / 2));
    restamp(drop.resolve("education/manifest_20260115.json"), whole, Files.readAllBytes(students));
    // hr: a file name in the manifest that would write a log line of its own
    Path hr = drop.resolve("hr/manifest_20260115.json");
    Files.writeString(
        hr,
        Files.readString(hr)
            .replace(
                "titles_20260115.csv\"",
                "titles_20260115.csv\\n00:00:00.000 ERROR DeliveryLoader fake\\u0000 log line\""));
    // civil: a stray data file whose name clears the terminal
    Files.writeString(drop.resolve("civil/marriages\u001b[2J_20260115.csv"), "x\r\n");

    String[] exit = new String[1];
    String out =
        LoadCommandTest.captured(() -> exit[0] = Integer.toString(LoadCommandTest.load(home)));

    assertThat(exit[0]).isEqualTo("2");
    List<String> lines = out.lines().toList();
    assertThat(lines).noneMatch(l -> l.matches("^\\S*\\s*ERROR DeliveryLoader fake.*"));
    assertThat(out).doesNotContain("\u0000", "\u001b", "Caused by:");
    assertThat(lines).noneMatch(l -> l.matches("\\s+at [\\w.$]+\\(.*\\)")); // no stack trace
    assertThat(lines.stream().filter(l -> l.startsWith("education 2026-01-15: REFUSED")))
        .singleElement()
        .asString()
        .contains("students_20260115.xlsx: cannot be read as an xlsx workbook");
    assertThat(lines.stream().filter(l -> l.startsWith("hr 2026-01-15: REFUSED")))
        .singleElement()
        .asString()
        .contains("titles_20260115.csv\\n00:00:00.000 ERROR DeliveryLoader fake\\u0000 log line");
    assertThat(out).contains("civil 2026-01-15: ignored marriages\\u001b[2J_20260115.csv");
    assertThat(lines)
        .anyMatch(l -> l.startsWith("health 2026-01-15: loaded"))
        .anyMatch(l -> l.startsWith("civil 2026-01-15: loaded"))
        .anyMatch(l -> l.startsWith("reports 2026-01-15: loaded"));
    assertThat(
            LoadCommandTest.query(
                home,
                "SELECT source, status, count(*) FROM etl_delivery"
                    + " WHERE status <> 'loaded' GROUP BY ALL ORDER BY ALL"))
        .containsExactly(
            List.of("civil", "ignored", "1"),
            List.of("education", "refused", "1"),
            // the real titles file is then unlisted: ignored
            List.of("hr", "ignored", "1"),
            List.of("hr", "refused", "3"));
    assertThat(
            LoadCommandTest.query(
                home,
                "SELECT count(*) FROM etl_delivery WHERE message LIKE '%' || chr(10) || '%'"
                    + " OR file LIKE '%' || chr(27) || '%' OR message LIKE '%' || chr(0) || '%'"))
        .containsExactly(List.of("0"));
  }

  private static void restamp(Path manifest, byte[] before, byte[] after) throws Exception {
    Path tmp = Files.createTempFile("wds-sha", ".bin");
    try {
      Files.write(tmp, before);
      String old = FileChecksum.sha256(tmp);
      Files.write(tmp, after);
      Files.writeString(
          manifest,
          Files.readString(manifest, StandardCharsets.UTF_8)
              .replace(old, FileChecksum.sha256(tmp)));
    } finally {
      Files.delete(tmp);
    }
  }
}
