package wds.jobs.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.util.CellReference;

/**
 * The workbook embedded in a Word chart (what Word opens on "edit data"): one sheet, the series'
 * names across the first row, the categories down column A, each series in its own column; the
 * cells the chart's formulas point at. Written as the five parts of a minimal SpreadsheetML package
 * (ECMA-376: content types, package relationships, workbook, its relationships, sheet; strings
 * inline, no styles), where a POI workbook per chart cost a sixth of a cold build of the reports
 * (README, "Time to build the reports"). The yearbook, a real workbook, stays POI's.
 */
final class ChartWorkbook {

  private static final String CONTENT_TYPES =
      """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
      <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
      <Default Extension="xml" ContentType="application/xml"/>\
      <Override PartName="/xl/workbook.xml" \
      ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
      <Override PartName="/xl/worksheets/sheet1.xml" \
      ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
      </Types>""";

  private static final String PACKAGE_RELS =
      """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
      <Relationship Id="rId1" \
      Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
      Target="xl/workbook.xml"/></Relationships>""";

  private static final String WORKBOOK =
      """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
      xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
      <sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>""";

  private static final String WORKBOOK_RELS =
      """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
      <Relationship Id="rId1" \
      Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
      Target="worksheets/sheet1.xml"/></Relationships>""";

  private ChartWorkbook() {}

  /**
   * The workbook's bytes: {@code names} in row 1 from column B, {@code categories} in column A from
   * row 2, series {@code i} in column {@code i + 2}; a null value leaves its cell empty.
   */
  static byte[] bytes(
      String sheet, String[] categories, List<String> names, List<Double[]> values) {
    StringBuilder xml =
        new StringBuilder(256 + 64 * categories.length * (names.size() + 1))
            .append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
            .append(
                "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">")
            .append("<sheetData><row r=\"1\">");
    for (int i = 0; i < names.size(); i++) {
      text(xml, 0, i + 1, names.get(i));
    }
    xml.append("</row>");
    for (int r = 0; r < categories.length; r++) {
      xml.append("<row r=\"").append(r + 2).append("\">");
      if (categories[r] != null) {
        text(xml, r + 1, 0, categories[r]);
      }
      for (int i = 0; i < values.size(); i++) {
        Double v = values.get(i)[r];
        if (v != null && Double.isFinite(v)) {
          xml.append("<c r=\"")
              .append(new CellReference(r + 1, i + 1).formatAsString())
              .append("\"><v>")
              .append(v)
              .append("</v></c>");
        }
      }
      xml.append("</row>");
    }
    xml.append("</sheetData></worksheet>");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      part(zip, "[Content_Types].xml", CONTENT_TYPES);
      part(zip, "_rels/.rels", PACKAGE_RELS);
      part(zip, "xl/workbook.xml", WORKBOOK.formatted(escape(sheet)));
      part(zip, "xl/_rels/workbook.xml.rels", WORKBOOK_RELS);
      part(zip, "xl/worksheets/sheet1.xml", xml.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a chart's workbook", e);
    }
    return bytes.toByteArray();
  }

  private static void text(StringBuilder xml, int row, int column, String text) {
    xml.append("<c r=\"")
        .append(new CellReference(row, column).formatAsString())
        .append("\" t=\"inlineStr\"><is><t>")
        .append(escape(text))
        .append("</t></is></c>");
  }

  private static void part(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
