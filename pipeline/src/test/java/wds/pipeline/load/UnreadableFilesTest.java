package wds.pipeline.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.pipeline.synthetic.CountyGenerator;
import wds.pipeline.synthetic.EducationFormat;
import wds.pipeline.synthetic.GeneratorSettings;

/**
 * Issue 9, findings 2 and 3: a file that cannot be read as its manifest says (a broken xlsx,
 * another encoding, a manifest listing nothing or a file twice) refuses its source's delivery with
 * the fault in words and an audit row; the other sources of the night load, and the next run is not
 * blocked. Each case corrupts one file of a generated county and restamps its manifest, so the file
 * passes its checksum and reaches the reader.
 */
class UnreadableFilesTest {

  static final GeneratorSettings COUNTY =
      GeneratorSettings.defaults().withPersons(400).withEducationFormat(EducationFormat.XLSX);

  @TempDir static Path generated;
  @TempDir Path home;

  @BeforeAll
  static void generate() {
    CountyGenerator.generate(COUNTY, generated);
  }

  private Path drop() throws IOException {
    Path drop = home.resolve("drop");
    if (!Files.exists(drop)) {
      DropEdits.copy(generated, drop);
    }
    return drop;
  }

  private Path students() throws IOException {
    return DropEdits.file(drop().resolve("education"), "students");
  }

  /** Loads the drop twice; the source refused both times, audited once, every other one loaded. */
  private void assertRefusedAlone(String source, String fault) throws Exception {
    assertRefusedAlone(source, fault, 0);
  }

  private void assertRefusedAlone(String source, String fault, long ignored) throws Exception {
    try (LoaderFixture fx = new LoaderFixture(home)) {
      List<DeliveryResult> results = fx.loadAll();
      assertThat(results).hasSize(6);
      for (DeliveryResult r : results) {
        if (r.source().equals(source)) {
          assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.REFUSED);
          assertThat(r.message()).contains(fault).doesNotContain("\n", "\r", "\u0000");
        } else {
          assertThat(r.outcome()).as(r.source()).isEqualTo(DeliveryResult.Outcome.LOADED);
        }
      }
      List<List<String>> audit =
          fx.rows(
              "SELECT status, message, rows_read, rows_loaded, rows_rejected FROM etl_delivery"
                  + " WHERE status <> 'ignored' AND source = '"
                  + source
                  + "'");
      assertThat(audit)
          .isNotEmpty()
          .allSatisfy(
              row -> {
                assertThat(row.get(0)).isEqualTo("refused");
                assertThat(row.get(1)).contains(fault);
                assertThat(row.subList(2, 5)).containsExactly("0", "0", "0");
              });
      assertThat(
              fx.count(
                  "SELECT count(*) FROM etl_delivery WHERE rows_read <> rows_loaded + rows_rejected"))
          .isZero();
      assertThat(fx.count("SELECT count(*) FROM ods_population__areas")).isPositive();
      assertThat(fx.count("SELECT count(*) FROM etl_delivery WHERE status = 'ignored'"))
          .isEqualTo(ignored);

      // the next run: the same file is refused again, not audited twice, and blocks nothing
      List<DeliveryResult> again = fx.loadAll();
      assertThat(again)
          .filteredOn(r -> !r.source().equals(source))
          .extracting(DeliveryResult::outcome)
          .containsOnly(DeliveryResult.Outcome.ALREADY_LOADED);
      assertThat(again)
          .filteredOn(r -> r.source().equals(source))
          .extracting(DeliveryResult::outcome)
          .containsOnly(DeliveryResult.Outcome.REFUSED);
      assertThat(
              fx.count(
                  "SELECT count(*) FROM etl_delivery WHERE status <> 'ignored' AND source = '"
                      + source
                      + "'"))
          .isEqualTo(audit.size());
      assertThat(fx.count("SELECT count(*) FROM etl_delivery WHERE status = 'ignored'"))
          .isEqualTo(ignored);
    }
  }

  private void replaceStudents(byte[] bytes) throws Exception {
    Files.write(students(), bytes);
    DropEdits.restamp(students());
  }

  /** The students workbook with its zip entries passed through {@code edit} (name, bytes). */
  private byte[] rezip(
      Predicate<String> keep, java.util.function.BiFunction<String, byte[], byte[]> edit)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipFile in = new ZipFile(students().toFile());
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry e : in.stream().toList()) {
        if (!keep.test(e.getName())) {
          continue;
        }
        byte[] body;
        try (InputStream s = in.getInputStream(e)) {
          body = s.readAllBytes();
        }
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(edit.apply(e.getName(), body));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private static final String SHEET = "xl/worksheets/sheet1.xml";

  @Test
  void truncatedXlsx_refusesEducation_othersLoad() throws Exception {
    byte[] whole = Files.readAllBytes(students());
    replaceStudents(Arrays.copyOf(whole, whole.length / 2));

    assertRefusedAlone("education", "cannot be read as an xlsx workbook");
  }

  @Test
  void emptyXlsx_refusesEducation() throws Exception {
    replaceStudents(new byte[0]);

    assertRefusedAlone("education", "cannot be read as an xlsx workbook");
  }

  @Test
  void xlsxThatIsNoZip_refusesEducation() throws Exception {
    replaceStudents("student_no,school_year\nS1,2025\n".getBytes(StandardCharsets.UTF_8));

    assertRefusedAlone("education", "cannot be read as an xlsx workbook");
  }

  @Test
  void zipBomb_refusesEducation_beforeItIsInflated() throws Exception {
    // a sheet part of ~50 MB of blanks compresses ~1000 to 1: past the guard's 100 to 1
    byte[] bomb =
        rezip(
            n -> true,
            (name, body) -> {
              if (!name.equals(SHEET)) {
                return body;
              }
              String xml = new String(body, StandardCharsets.UTF_8);
              int at = xml.indexOf("<sheetData>");
              return (xml.substring(0, at) + " ".repeat(50_000_000) + xml.substring(at))
                  .getBytes(StandardCharsets.UTF_8);
            });
    assertThat(bomb.length).isLessThan(1_000_000);
    replaceStudents(bomb);

    assertRefusedAlone("education", "Zip bomb");
  }

  @Test
  void xlsxWithoutItsSheetPart_refusesEducation() throws Exception {
    replaceStudents(rezip(n -> !n.equals(SHEET), (n, b) -> b));

    assertRefusedAlone("education", "cannot be read as an xlsx workbook");
  }

  @Test
  void badSharedStringIndex_refusesEducation() throws Exception {
    replaceStudents(
        rezip(
            n -> true,
            (name, body) -> {
              if (!name.equals(SHEET)) {
                return body;
              }
              String xml = new String(body, StandardCharsets.UTF_8);
              int row2 = xml.indexOf("<row r=\"2\"");
              int cell = xml.indexOf("<c ", row2);
              int end = xml.indexOf("</c>", cell) + 4;
              return (xml.substring(0, cell)
                      + "<c r=\"A2\" t=\"s\"><v>999999</v></c>"
                      + xml.substring(end))
                  .getBytes(StandardCharsets.UTF_8);
            }));

    assertRefusedAlone("education", "cannot be read as an xlsx workbook");
  }

  @Test
  void duplicateZipEntry_refusesEducation() throws Exception {
    // two entries of names of one length, the second renamed in the bytes to the first's
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out);
        ZipFile in = new ZipFile(students().toFile())) {
      for (ZipEntry e : in.stream().toList()) {
        z.putNextEntry(new ZipEntry(e.getName()));
        try (InputStream s = in.getInputStream(e)) {
          z.write(s.readAllBytes());
        }
        z.closeEntry();
      }
      z.putNextEntry(new ZipEntry("xl/worksheets/sheet9.xml"));
      z.write("<worksheet/>".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    String latin = new String(out.toByteArray(), StandardCharsets.ISO_8859_1);
    replaceStudents(
        latin.replace("sheet9.xml", "sheet1.xml").getBytes(StandardCharsets.ISO_8859_1));

    assertRefusedAlone("education", "cannot be read as an xlsx workbook");
  }

  @Test
  void utf16FileDeclaredUtf8_refusesItsSource() throws Exception {
    Path births = DropEdits.file(drop().resolve("health"), "births");
    String text = Files.readString(births, StandardCharsets.UTF_8);
    Files.write(births, text.getBytes(StandardCharsets.UTF_16));
    DropEdits.restamp(births);

    assertRefusedAlone("health", "births_20260115.csv: cannot be read as CSV in UTF-8");
  }

  @Test
  void utf16FileWithoutByteOrderMark_refusesItsSource() throws Exception {
    Path births = DropEdits.file(drop().resolve("health"), "births");
    String text = Files.readString(births, StandardCharsets.UTF_8);
    Files.write(births, text.getBytes(StandardCharsets.UTF_16LE));
    DropEdits.restamp(births);

    assertRefusedAlone("health", "not text in UTF-8");
  }

  @Test
  void gb18030HeaderWithInvalidBytes_refusesCivil() throws Exception {
    Path marriages = DropEdits.file(drop().resolve("civil"), "marriages");
    byte[] bytes = Files.readAllBytes(marriages);
    byte[] bad = new byte[bytes.length + 2];
    // 0x81 0x7F is no GB18030 sequence: the header's first name is undecodable
    bad[0] = (byte) 0x81;
    bad[1] = (byte) 0x7F;
    System.arraycopy(bytes, 0, bad, 2, bytes.length);
    Files.write(marriages, bad);
    DropEdits.restamp(marriages);

    assertRefusedAlone("civil", "cannot be read as CSV in GB18030");
  }

  @Test
  void manifestListingNoFiles_isRefusedAndAudited() throws Exception {
    DropEdits.editManifest(
        drop().resolve("hr"),
        json -> json.replaceAll("(?s)\"files\"\\s*:\\s*\\[.*\\]", "\"files\": []"));

    // its three files are then unlisted: each audited as ignored
    assertRefusedAlone("hr", "lists no files", 3);
  }

  @Test
  void manifestListingAFileTwice_isRefusedAndAudited() throws Exception {
    DropEdits.editManifest(
        drop().resolve("hr"),
        json -> {
          int open = json.indexOf('[');
          int close = json.indexOf('}', open);
          String first = json.substring(open + 1, close + 1);
          return json.substring(0, open + 1) + first + "," + json.substring(open + 1);
        });

    assertRefusedAlone("hr", "twice");
  }

  @Test
  void manifestWithAnEmptyListing_isRefusedAndAudited() throws Exception {
    DropEdits.editManifest(
        drop().resolve("hr"),
        json -> json.replaceFirst("\"files\"\\s*:\\s*\\[", "\"files\": [{},"));

    assertRefusedAlone("hr", "no name");
  }

  @Test
  void staleChecksum_isCheckedBeforeAnyParsing() throws Exception {
    // a workbook that no reader could open, its manifest's checksum stale: refused for the
    // checksum, and never opened (no progress of education is ever reported)
    Files.write(students(), "not a workbook".getBytes(StandardCharsets.US_ASCII));
    List<ExtractProgress> progress = new java.util.ArrayList<>();
    LoadListener listener =
        new LoadListener() {
          @Override
          public void progress(ExtractProgress p) {
            progress.add(p);
          }
        };
    try (LoaderFixture fx = new LoaderFixture(home, listener)) {
      List<DeliveryResult> results = fx.loadAll();

      DeliveryResult education =
          results.stream().filter(r -> r.source().equals("education")).findFirst().orElseThrow();
      assertThat(education.outcome()).isEqualTo(DeliveryResult.Outcome.REFUSED);
      assertThat(education.message())
          .contains("checksum mismatch")
          .doesNotContain("cannot be read");
      assertThat(progress).noneMatch(p -> p.source().equals("education"));
      assertThat(progress).anyMatch(p -> p.source().equals("health"));
    }
  }

  @Test
  void overLongField_isAMalformedRow_andTheFileLoads() throws Exception {
    Path areas = DropEdits.file(drop().resolve("population"), "areas");
    Charset utf8 = StandardCharsets.UTF_8;
    long line = DropEdits.setValue(areas, utf8, 3, "name", "长".repeat(5_000_000));

    try (LoaderFixture fx = new LoaderFixture(home)) {
      List<DeliveryResult> results = fx.loadAll();

      assertThat(results)
          .extracting(DeliveryResult::outcome)
          .containsOnly(DeliveryResult.Outcome.LOADED);
      assertThat(
              fx.rows(
                  "SELECT reason, rows FROM etl_reject WHERE source = 'population' AND extract = 'areas'"))
          .containsExactly(List.of("MALFORMED_ROW", "1"));
      assertThat(
              fx.count(
                  "SELECT count(*) FROM etl_delivery WHERE rows_read <> rows_loaded + rows_rejected"))
          .isZero();
      String quarantine =
          Files.readString(home.resolve("quarantine/population/20260115/areas.csv"));
      assertThat(quarantine).contains(",MALFORMED_ROW,").contains("over the limit of 100000");
      assertThat(
              quarantine.lines().filter(l -> l.contains("MALFORMED_ROW")).findFirst().orElseThrow())
          .contains("," + line + ",");
    }
  }
}
