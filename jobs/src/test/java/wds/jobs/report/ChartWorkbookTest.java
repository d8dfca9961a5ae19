package wds.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ChartWorkbookTest {

  @Test
  void bytes_ReadBackWithPoi_HoldTheNamesCategoriesAndValuesWhereTheChartsFormulasPoint()
      throws Exception {
    byte[] bytes =
        ChartWorkbook.bytes(
            "Sheet0",
            new String[] {"2020", "2021", "A&B<乡>"},
            List.of("全县", "95%下限"),
            List.of(new Double[] {93.25, null, 1.0e-5}, new Double[] {90.0, 91.5, 0.0}));

    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      assertThat(book.getNumberOfSheets()).isEqualTo(1);
      XSSFSheet sheet = book.getSheet("Sheet0");
      assertThat(sheet).isNotNull();
      assertThat(sheet.getRow(0).getCell(0)).isNull();
      assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("全县");
      assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("95%下限");
      assertThat(
              Arrays.asList(
                  sheet.getRow(1).getCell(0).getStringCellValue(),
                  sheet.getRow(2).getCell(0).getStringCellValue(),
                  sheet.getRow(3).getCell(0).getStringCellValue()))
          .containsExactly("2020", "2021", "A&B<乡>");
      assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(93.25);
      assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(sheet.getRow(2).getCell(1)).as("a missing value leaves its cell empty").isNull();
      assertThat(sheet.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(1.0e-5);
      assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(91.5);
      assertThat(sheet.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(0.0);
    }
  }
}
