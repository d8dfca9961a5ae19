package wds.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.warehouse.report.Report;
import wds.warehouse.report.ReportKind;
import wds.warehouse.report.ReportSource;

/**
 * A batch reads a year's report once and draws each Word chart once: the final report is the annual
 * report's content under another kind, and a report written again in the same batch reuses every
 * chart's part and is the same document, part by part, as one drawn alone.
 */
class DocxChartPartsTest {

  @TempDir static Path out;
  static Report annual;
  static Report finalReport;

  @BeforeAll
  static void readTheFinalYear() throws Exception {
    Path snapshot = PublishedCounty.home().resolve("snapshots/current.duckdb");
    try (ReportSource source = ReportSource.internal(snapshot)) {
      annual = Report.read(source, 2025, ReportKind.ANNUAL);
      finalReport = Report.read(source, 2025, ReportKind.FINAL);
    }
  }

  @Test
  void finalReport_IsTheAnnualReportsContent_UnderItsOwnKind() {
    assertThat(annual.as(ReportKind.FINAL)).isEqualTo(finalReport);
    assertThat(annual.as(ReportKind.FINAL).kind()).isEqualTo(ReportKind.FINAL);
  }

  @Test
  void docx_WrittenAgainInTheSameBatch_ReusesEveryChart_AndIsTheSameDocument() throws Exception {
    RenderedParts batch = new RenderedParts();
    DocxReport.write(annual, out.resolve("first.docx"), batch);
    int drawn = batch.count("chart|");
    DocxReport.write(finalReport, out.resolve("again.docx"), batch);
    DocxReport.write(finalReport, out.resolve("alone.docx"), new RenderedParts());

    Map<String, byte[]> again = parts(out.resolve("again.docx"));
    Map<String, byte[]> alone = parts(out.resolve("alone.docx"));
    long charts =
        again.keySet().stream().filter(n -> n.matches("word/charts/chart\\d+\\.xml")).count();
    assertThat(drawn)
        .as("charts drawn once for the batch")
        .isPositive()
        .isLessThanOrEqualTo((int) charts);
    assertThat(batch.count("chart|")).as("no chart drawn again").isEqualTo(drawn);
    assertThat(again.keySet()).containsExactlyElementsOf(alone.keySet());
    for (String name : alone.keySet()) {
      if (!name.equals("docProps/core.xml")) {
        assertThat(again.get(name)).as(name).isEqualTo(alone.get(name));
      }
    }
  }

  /**
   * The document's parts by name, an embedded workbook's by its own parts (a zip made now carries
   * the time it was made).
   */
  private static Map<String, byte[]> parts(Path docx) throws IOException {
    Map<String, byte[]> parts = new TreeMap<>();
    try (ZipFile zip = new ZipFile(docx.toFile())) {
      for (var e : zip.stream().toList()) {
        byte[] bytes = zip.getInputStream(e).readAllBytes();
        if (!e.getName().endsWith(".xlsx")) {
          parts.put(e.getName(), bytes);
          continue;
        }
        try (ZipInputStream workbook = new ZipInputStream(new ByteArrayInputStream(bytes))) {
          for (ZipEntry w = workbook.getNextEntry(); w != null; w = workbook.getNextEntry()) {
            parts.put(e.getName() + "!" + w.getName(), workbook.readAllBytes());
          }
        }
      }
    }
    return parts;
  }
}
