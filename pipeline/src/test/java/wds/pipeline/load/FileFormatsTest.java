package wds.pipeline.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFormatsTest {

  static final LocalDate NIGHT = LocalDate.of(2025, 3, 1);

  @TempDir Path home;
  LoaderFixture fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = new LoaderFixture(home);
  }

  @AfterEach
  void tearDown() throws Exception {
    fx.close();
  }

  @Test
  void gb18030File_isDecodedAsTheManifestSays() throws Exception {
    byte[] csv =
        csv(Rows.AREAS, Rows.areas("2025-01-01T00:00:00")).getBytes(Charset.forName("GB18030"));
    fx.drop
        .delivery("population", NIGHT)
        .raw("areas_20250301.csv", "areas", "full", "GB18030", 4, csv)
        .write();
    assertLoaded();
  }

  @Test
  void utf8WithByteOrderMark_loads() throws Exception {
    byte[] body =
        csv(Rows.AREAS, Rows.areas("2025-01-01T00:00:00")).getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[body.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bom, 3, body.length);
    fx.drop
        .delivery("population", NIGHT)
        .raw("areas_20250301.csv", "areas", "full", "UTF-8", 4, bom)
        .write();
    assertLoaded();
  }

  @Test
  void xlsxFile_loadsFromItsFirstSheet() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      XSSFSheet sheet = book.createSheet("areas");
      List<String> lines = new java.util.ArrayList<>(List.of(Rows.AREAS));
      lines.addAll(List.of(Rows.areas("2025-01-01T00:00:00")));
      for (int r = 0; r < lines.size(); r++) {
        String[] cells = lines.get(r).split(",", -1);
        var row = sheet.createRow(r);
        for (int c = 0; c < cells.length; c++) {
          if (!cells[c].isEmpty()) {
            row.createCell(c).setCellValue(cells[c]);
          }
        }
      }
      book.write(out);
    }
    fx.drop
        .delivery("population", NIGHT)
        .raw("areas_20250301.xlsx", "areas", "full", "UTF-8", 4, out.toByteArray())
        .write();
    assertLoaded();
  }

  private void assertLoaded() throws Exception {
    assertThat(fx.loadAll())
        .extracting(DeliveryResult::outcome)
        .containsExactly(DeliveryResult.Outcome.LOADED);
    assertThat(fx.rows("SELECT area_code, name FROM ods_population__areas ORDER BY 1"))
        .containsExactly(
            List.of("652323000000", "呼图壁县"),
            List.of("652323100000", "呼图壁镇"),
            List.of("652323100001", "东风村"),
            List.of("652323100002", "西湖社区"));
    assertThat(fx.rows("SELECT rows_read, rows_loaded, rows_rejected FROM etl_delivery"))
        .containsExactly(List.of("4", "4", "0"));
  }

  private static String csv(String header, String... rows) {
    return header + "\r\n" + String.join("\r\n", rows) + "\r\n";
  }
}
