package wds.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.warehouse.report.Domain;

/**
 * report.docx and yearbook.xlsx of the mid-term report of a generated county, read back with POI
 * (Word headings, a TOC field, Word tables, native charts; a sheet per domain and per fact, frozen
 * headers, units and notes) and converted to PDF by LibreOffice ({@code soffice --headless}; the
 * test fails, never skips, without it).
 */
class ReportDocumentsTest {

  static final Path SOFFICE = Path.of("/usr/bin/soffice");

  @TempDir static Path out;
  static Path folder;

  @BeforeAll
  static void writeTheMidTermReport() throws Exception {
    Path home = PublishedCounty.home();
    PublishedCounty.Run run =
        PublishedCounty.wds(
            "report", "--home", home.toString(), "--year", "2023", "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    folder = out.resolve("midterm-2023");
  }

  @Test
  void reportDocx_HasHeadingStyledChapters_ATableOfContents_TablesAndNativeCharts()
      throws Exception {
    try (InputStream in = Files.newInputStream(folder.resolve("report.docx"));
        XWPFDocument doc = new XWPFDocument(in)) {
      List<String> chapters = new ArrayList<>();
      for (XWPFParagraph p : doc.getParagraphs()) {
        if ("Heading1".equals(p.getStyle())) {
          chapters.add(p.getText());
        }
      }
      List<String> expected = new ArrayList<>(List.of("总体情况"));
      for (Domain d : Domain.values()) {
        expected.add(d.numeral() + "、" + d.title());
      }
      expected.addAll(List.of("需要关注的问题", "附录"));
      assertThat(chapters).containsExactlyElementsOf(expected);
      assertThat(doc.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
      assertThat(
              doc.getParagraphs().stream()
                  .flatMap(p -> p.getCTP().getFldSimpleList().stream())
                  .map(f -> f.getInstr()))
          .anySatisfy(instr -> assertThat(instr).startsWith("TOC "));
      assertThat(doc.getTables()).hasSizeGreaterThanOrEqualTo(12);
      assertThat(doc.getTables().get(0).getRow(0).getCell(0).getText()).isEqualTo("领域");
      List<XWPFChart> charts = doc.getCharts();
      assertThat(charts).as("native Word charts").hasSizeGreaterThan(20);
      for (XWPFChart chart : charts) {
        assertThat(chart.getChartSeries()).isNotEmpty();
        assertThat(chart.getChartSeries().get(0)).isInstanceOf(XDDFLineChartData.class);
        assertThat(chart.getChartSeries().get(0).getSeriesCount()).isPositive();
      }
      assertThat(doc.getAllPictures()).as("charts are not pictures").isEmpty();
    }
  }

  @Test
  void yearbookXlsx_HasASheetPerDomainAndPerFact_WithFrozenHeadersUnitsAndNotes() throws Exception {
    try (InputStream in = Files.newInputStream(folder.resolve("yearbook.xlsx"));
        XSSFWorkbook book = new XSSFWorkbook(in)) {
      List<String> names = new ArrayList<>();
      book.forEach(s -> names.add(s.getSheetName()));
      for (Domain d : Domain.values()) {
        assertThat(names).contains(d.numeral() + "、" + d.title());
      }
      assertThat(names.stream().filter(n -> n.startsWith("表"))).hasSizeGreaterThanOrEqualTo(10);
      for (Sheet sheet : book) {
        assertThat(sheet.getPaneInformation()).as(sheet.getSheetName()).isNotNull();
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        StringBuilder text = new StringBuilder();
        sheet.forEach(r -> r.forEach(c -> text.append(c.toString()).append('|')));
        assertThat(text).as(sheet.getSheetName()).contains("注：").contains("暂定");
      }
      Sheet health = book.getSheet("一、妇女与健康");
      assertThat(health.getRow(1).getCell(2).getStringCellValue()).isEqualTo("单位");
      assertThat(health.getRow(2).getCell(2).getStringCellValue()).isNotBlank();
    }
  }

  @Test
  void reportDocxAndYearbook_ConvertToPdfInLibreOffice(@TempDir Path pdf) throws Exception {
    assertThat(SOFFICE)
        .as("LibreOffice (apt-get install libreoffice-writer-nogui libreoffice-calc-nogui)")
        .isExecutable();
    for (String file : List.of("report.docx", "yearbook.xlsx")) {
      Process soffice =
          new ProcessBuilder(
                  SOFFICE.toString(),
                  "-env:UserInstallation=file://" + pdf.resolve("profile"),
                  "--headless",
                  "--convert-to",
                  "pdf",
                  "--outdir",
                  pdf.toString(),
                  folder.resolve(file).toString())
              .redirectErrorStream(true)
              .redirectOutput(pdf.resolve(file + ".log").toFile())
              .start();
      assertThat(soffice.waitFor(10, TimeUnit.MINUTES)).as("soffice ended").isTrue();
      assertThat(soffice.exitValue()).as(Files.readString(pdf.resolve(file + ".log"))).isZero();
      Path converted = pdf.resolve(file.replaceFirst("\\.[a-z]+$", ".pdf"));
      assertThat(converted).as(Files.readString(pdf.resolve(file + ".log"))).exists();
      byte[] bytes = Files.readAllBytes(converted);
      assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
      assertThat(bytes.length).isGreaterThan(20_000);
    }
  }
}
