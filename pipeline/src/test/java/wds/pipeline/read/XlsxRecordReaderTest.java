package wds.pipeline.read;

import static org.assertj.core.api.Assertions.assertThat;
import static wds.pipeline.read.CsvRecordReaderTest.readAll;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxRecordReaderTest {

  @TempDir Path dir;

  @Test
  void cellsReadBackAsTheContractsText() throws IOException {
    Path file = dir.resolve("births_20250302.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      CreationHelper helper = wb.getCreationHelper();
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd"));
      CellStyle dateTime = wb.createCellStyle();
      dateTime.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
      CellStyle twoDecimals = wb.createCellStyle();
      twoDecimals.setDataFormat(helper.createDataFormat().getFormat("0.00"));
      Sheet sheet = wb.createSheet("births");
      Sheet second = wb.createSheet("notes");
      second.createRow(0).createCell(0).setCellValue("not read");

      Row header = sheet.createRow(0);
      String[] names = {
        "cert_no", "weight", "amount", "birth_date", "updated_at", "name", "area", "note"
      };
      for (int i = 0; i < names.length; i++) {
        header.createCell(i).setCellValue(names[i]);
      }
      Row r = sheet.createRow(1);
      r.createCell(0).setCellValue("C-001");
      r.createCell(1).setCellValue(3250);
      r.createCell(2).setCellValue(12.5);
      r.getCell(2).setCellStyle(twoDecimals);
      r.createCell(3).setCellValue(LocalDate.of(2025, 3, 1));
      r.getCell(3).setCellStyle(date);
      r.createCell(4).setCellValue(LocalDateTime.of(2025, 3, 1, 8, 30, 15));
      r.getCell(4).setCellStyle(dateTime);
      r.createCell(5).setCellValue("呼图壁镇");
      r.createCell(6).setCellValue(652323101001d);
      // column 7 (note) left without a cell

      Row sparse = sheet.createRow(3); // row 3 of the sheet left out entirely
      sparse.createCell(0).setCellValue("C-002");
      sparse.createCell(7).setCellValue("last");
      sheet.createRow(4).createCell(2); // a row of empty cells only: not a record

      Row wide = sheet.createRow(5);
      wide.createCell(0).setCellValue("C-003");
      wide.createCell(9).setCellValue("beyond the header");

      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
    }

    try (RecordReader reader = RecordReaders.open(file, StandardCharsets.UTF_8)) {
      assertThat(reader.header())
          .containsExactly(
              "cert_no", "weight", "amount", "birth_date", "updated_at", "name", "area", "note");
      List<RawRecord> records = readAll(reader);

      assertThat(records).hasSize(3);
      assertThat(records.get(0).line()).isEqualTo(2);
      assertThat(records.get(0).values())
          .containsExactly(
              "C-001",
              "3250",
              "12.5",
              "2025-03-01",
              "2025-03-01T08:30:15",
              "呼图壁镇",
              "652323101001",
              "");
      assertThat(records.get(1).line()).isEqualTo(4);
      assertThat(records.get(1).values()).containsExactly("C-002", "", "", "", "", "", "", "last");
      assertThat(records.get(2).line()).isEqualTo(6);
      assertThat(records.get(2).malformed()).contains("column J");
    }
  }

  @Test
  void aLargeStreamedWorkbookIsReadRowByRow() throws IOException {
    Path file = dir.resolve("big.xlsx");
    int rows = 5_000;
    try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
      Sheet sheet = wb.createSheet();
      Row header = sheet.createRow(0);
      header.createCell(0).setCellValue("id");
      header.createCell(1).setCellValue("value");
      for (int i = 1; i <= rows; i++) {
        Row r = sheet.createRow(i);
        r.createCell(0).setCellValue("R" + i);
        r.createCell(1).setCellValue(i * 0.25);
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
      wb.dispose();
    }

    try (RecordReader reader = RecordReaders.open(file, StandardCharsets.UTF_8)) {
      List<RawRecord> records = readAll(reader);
      assertThat(records).hasSize(rows);
      assertThat(records.get(rows - 1).values()).containsExactly("R" + rows, "1250");
      assertThat(records.get(2).values()).containsExactly("R3", "0.75");
      assertThat(records.get(rows - 1).line()).isEqualTo(rows + 1);
    }
  }

  @Test
  void datesOfA1904WorkbookReadAsTheSameDays() throws IOException {
    Path file = dir.resolve("mac.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      var pr =
          wb.getCTWorkbook().isSetWorkbookPr()
              ? wb.getCTWorkbook().getWorkbookPr()
              : wb.getCTWorkbook().addNewWorkbookPr();
      pr.setDate1904(true);
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      Sheet sheet = wb.createSheet();
      sheet.createRow(0).createCell(0).setCellValue("birth_date");
      Row r = sheet.createRow(1);
      r.createCell(0).setCellValue(LocalDate.of(2024, 2, 29));
      r.getCell(0).setCellStyle(date);
      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
    }

    try (RecordReader reader = RecordReaders.open(file, StandardCharsets.UTF_8)) {
      assertThat(reader.next().values()).containsExactly("2024-02-29");
    }
  }

  @Test
  void aFileThatIsNoWorkbookIsRefusedWithItsName() throws IOException {
    Path file = dir.resolve("fake.xlsx");
    Files.writeString(file, "not a zip");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> RecordReaders.open(file, StandardCharsets.UTF_8))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("fake.xlsx");
  }

  @Test
  void showsTimeLooksPastQuotedTextAndBrackets() {
    assertThat(XlsxCellText.showsTime("yyyy-mm-dd")).isFalse();
    assertThat(XlsxCellText.showsTime("yyyy\"h\"mm")).isFalse();
    assertThat(XlsxCellText.showsTime("[$-804]yyyy-mm-dd")).isFalse();
    assertThat(XlsxCellText.showsTime("yyyy-mm-dd hh:mm")).isTrue();
    assertThat(XlsxCellText.columnIndex("AB12")).isEqualTo(27);
    assertThat(XlsxCellText.columnName(27)).isEqualTo("AB");
  }
}
