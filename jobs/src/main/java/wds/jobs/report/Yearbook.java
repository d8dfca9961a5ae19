package wds.jobs.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.poi.ooxml.POIXMLDocumentPart;
import org.apache.poi.ooxml.POIXMLRelation;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.usermodel.XSSFFactory;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTRst;
import wds.warehouse.report.Domain;
import wds.warehouse.report.IndicatorSection;
import wds.warehouse.report.Report;
import wds.warehouse.report.ReportFormat;
import wds.warehouse.report.ReportRow;
import wds.warehouse.report.SexAgeCell;

/**
 * {@code yearbook.xlsx} (统计资料): one sheet per domain (every indicator's county values by year, by
 * residence and sex, and its townships in the report year), then one sex-by-age sheet per fact
 * measure of {@code mart_sex_age} (5-year age groups down, years and sexes across). Each sheet has
 * its units, a frozen header and notes on provisional years, small numbers and (public) withheld
 * cells. Values are the warehouse's exact numbers; the cell format rounds them for reading.
 */
final class Yearbook {

  /** The facts' measures as the yearbook names them. */
  private static final Map<String, String> MEASURES =
      Map.ofEntries(
          Map.entry("population", "户籍人口（人）"),
          Map.entry("births", "活产数（例）"),
          Map.entry("screenings_cervical", "宫颈癌筛查人数（人）"),
          Map.entry("screenings_breast", "乳腺癌筛查人数（人）"),
          Map.entry("students", "在校学生数（人）"),
          Map.entry("employed", "就业人数（人）"),
          Map.entry("insured_medical", "基本医疗保险参保人数（人）"),
          Map.entry("insured_pension", "基本养老保险参保人数（人）"),
          Map.entry("committee_members", "村（居）委会成员数（人）"),
          Map.entry("senior_titles", "高级职称人数（人）"),
          Map.entry("marriages", "结婚登记人数（人）"),
          Map.entry("divorces", "离婚登记人数（人）"),
          Map.entry("assistance_dibao", "最低生活保障人数（人）"),
          Map.entry("assistance_tekun", "特困供养人数（人）"));

  private final Report report;
  private final XSSFWorkbook book = new XSSFWorkbook(new Factory());
  private final CellStyle header;
  private final CellStyle small;
  private final CellStyle note;

  private Yearbook(Report report) {
    this.report = report;
    Font bold = book.createFont();
    bold.setBold(true);
    header = book.createCellStyle();
    header.setFont(bold);
    header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
    header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    small = book.createCellStyle();
    small.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
    small.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    note = book.createCellStyle();
    note.setWrapText(false);
  }

  /**
   * Writes the yearbook, drawn once per batch for a snapshot, year and version: it states the same
   * rows whatever the kind of report (the annual and the final report of the plan's final year
   * carry the same 统计资料).
   */
  static void write(Report report, Path file, RenderedParts parts) throws IOException {
    String key =
        "yearbook|" + report.snapshot() + "|" + report.publicVersion() + "|" + report.year();
    Files.write(file, parts.<byte[]>get(key, () -> bytes(report)));
  }

  private static byte[] bytes(Report report) {
    Yearbook yearbook = new Yearbook(report);
    for (Domain d : Domain.values()) {
      yearbook.domain(d);
    }
    yearbook.sexAge();
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      // written, not closed: closing a workbook made in memory saves it a second time (POI's
      // OPCPackage.close), into a buffer nobody reads; it holds no file or other resource
      yearbook.book.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the yearbook", e);
    }
    return out.toByteArray();
  }

  private List<Integer> years() {
    List<Integer> years = new ArrayList<>();
    for (int y = Math.min(report.years().baselineYear(), report.year() - 1);
        y <= report.year();
        y++) {
      years.add(y);
    }
    return years;
  }

  private String yearLabel(int year) {
    return year + "年" + (report.years().provisional(year) ? "（暂定）" : "");
  }

  private void domain(Domain d) {
    Sheet sheet = book.createSheet(d.numeral() + "、" + d.title());
    List<Integer> years = years();
    title(sheet, d.title() + "主要指标（" + years.get(0) + "—" + report.year() + "年）");
    List<String> head = new ArrayList<>(List.of("代码", "指标", "单位", "目标", "地区", "城乡", "性别"));
    years.forEach(y -> head.add(yearLabel(y)));
    header(sheet, 1, head);
    int r = 2;
    boolean smallSeen = false;
    for (IndicatorSection s : report.indicators(d)) {
      Map<String, List<ReportRow>> lines = new LinkedHashMap<>();
      for (ReportRow row : s.rows()) {
        String key = row.areaName() + "|" + row.residence() + "|" + row.sex();
        lines.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
      }
      for (List<ReportRow> line : lines.values()) {
        ReportRow first = line.get(0);
        Row row = sheet.createRow(r++);
        row.createCell(0).setCellValue(s.code());
        row.createCell(1).setCellValue(s.nameZh());
        row.createCell(2).setCellValue(ReportFormat.unit(s.unit()));
        row.createCell(3).setCellValue(ReportFormat.target(s));
        row.createCell(4).setCellValue(first.areaName());
        row.createCell(5).setCellValue(residence(first.residence()));
        row.createCell(6).setCellValue(sex(first.sex()));
        for (ReportRow v : line) {
          int col = 7 + years.indexOf(v.year());
          if (col < 7) {
            continue;
          }
          var cell = row.createCell(col);
          if (v.withheld()) {
            cell.setCellValue(ReportFormat.WITHHELD);
          } else if (v.value() != null) {
            cell.setCellValue(v.value());
            if (v.numerator() != null && v.numerator() > 0 && v.numerator() < 5) {
              cell.setCellStyle(small);
              smallSeen = true;
            }
          }
        }
      }
    }
    r++;
    r = note(sheet, r, "注：" + ReportFormat.PROVISIONAL_NOTE);
    r =
        note(
            sheet,
            r,
            "注：底色为浅黄的数值分子少于5例，不宜单独解读；"
                + ReportFormat.SMALL_NUMBERS_NOTE
                + (smallSeen ? "" : "（本表无此类数值）"));
    r = note(sheet, r, "注：乡镇数值为" + report.year() + "年；城乡“合计”“城镇”“农村”、性别“合计”“女”“男”按居住地和性别划分。");
    if (report.publicVersion()) {
      note(sheet, r, "注：" + ReportFormat.SUPPRESSION_NOTE);
    }
    finish(sheet, head.size(), 2);
  }

  private void sexAge() {
    Map<String, List<SexAgeCell>> byMeasure = new LinkedHashMap<>();
    for (SexAgeCell c : report.sexAge()) {
      byMeasure.computeIfAbsent(c.measure(), k -> new ArrayList<>()).add(c);
    }
    int n = 1;
    for (var entry : byMeasure.entrySet()) {
      String measure = entry.getKey();
      String name = MEASURES.getOrDefault(measure, measure);
      Sheet sheet =
          book.createSheet(
              "表"
                  + n++
                  + " "
                  + name.replaceAll("[（）()]", " ").strip().replaceAll("[\\\\/?*\\[\\]:]", ""));
      List<Integer> years = years();
      title(sheet, "全县分性别、年龄组" + name + "（" + years.get(0) + "—" + report.year() + "年）");
      List<String> yearsHead = new ArrayList<>(List.of("年龄组"));
      List<String> sexHead = new ArrayList<>(List.of(""));
      for (int y : years) {
        yearsHead.addAll(List.of(yearLabel(y), ""));
        sexHead.addAll(List.of("女", "男"));
      }
      header(sheet, 1, yearsHead);
      header(sheet, 2, sexHead);
      for (int i = 0; i < years.size(); i++) {
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 1 + 2 * i, 2 + 2 * i));
      }
      TreeSet<String> ages = new TreeSet<>();
      entry.getValue().forEach(c -> ages.add(c.ageGroup()));
      Map<String, Integer> rowOf = new LinkedHashMap<>();
      int r = 3;
      for (String age : ages) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(age + "岁");
        rowOf.put(age, r++);
      }
      boolean smallSeen = false;
      for (SexAgeCell c : entry.getValue()) {
        int y = years.indexOf(c.year());
        if (y < 0 || !(c.sex().equals("1") || c.sex().equals("2"))) {
          continue;
        }
        var cell =
            sheet
                .getRow(rowOf.get(c.ageGroup()))
                .createCell(1 + 2 * y + (c.sex().equals("2") ? 0 : 1));
        if (c.suppressed() != null) {
          cell.setCellValue(ReportFormat.WITHHELD);
        } else if (c.value() != null) {
          cell.setCellValue(c.value());
          if (c.value() > 0 && c.value() < 5) {
            cell.setCellStyle(small);
            smallSeen = true;
          }
        }
      }
      r++;
      r = note(sheet, r, "单位：人（出生为例）；空白为无记录。");
      r = note(sheet, r, "注：" + ReportFormat.PROVISIONAL_NOTE);
      r =
          note(
              sheet,
              r,
              "注：底色为浅黄的单元格为1—4人的小数值，仅供内部参考，不宜单独解读或对外公布。" + (smallSeen ? "" : "（本表无此类数值）"));
      if (report.publicVersion()) {
        note(sheet, r, "注：" + ReportFormat.SUPPRESSION_NOTE);
      }
      finish(sheet, yearsHead.size(), 3);
    }
  }

  private void title(Sheet sheet, String text) {
    Row row = sheet.createRow(0);
    var cell = row.createCell(0);
    cell.setCellValue(text);
    cell.setCellStyle(header);
  }

  private void header(Sheet sheet, int index, List<String> names) {
    Row row = sheet.createRow(index);
    for (int i = 0; i < names.size(); i++) {
      var cell = row.createCell(i);
      cell.setCellValue(names.get(i));
      cell.setCellStyle(header);
    }
  }

  private int note(Sheet sheet, int r, String text) {
    var cell = sheet.createRow(r).createCell(0);
    cell.setCellValue(text);
    cell.setCellStyle(note);
    return r + 1;
  }

  private void finish(Sheet sheet, int columns, int frozenRows) {
    sheet.createFreezePane(frozenRows == 2 ? 2 : 1, frozenRows);
    for (int i = 0; i < columns; i++) {
      sheet.setColumnWidth(i, i == 1 ? 24 * 256 : 11 * 256);
    }
  }

  /** POI's parts for a workbook, but the shared strings table ({@link PlainStrings}). */
  private static final class Factory extends XSSFFactory {
    @Override
    public POIXMLDocumentPart newDocumentPart(POIXMLRelation descriptor) {
      return descriptor == XSSFRelation.SHARED_STRINGS
          ? new PlainStrings()
          : super.newDocumentPart(descriptor);
    }
  }

  /**
   * POI's shared strings table, keyed more cheaply: POI finds a string already in the table by the
   * XML text of the new entry, serialised for every cell; an entry of plain text alone (the only
   * kind the yearbook writes) is keyed by its text instead. The table and the cells are the same:
   * two plain entries have the same XML exactly when they have the same text.
   */
  private static final class PlainStrings extends SharedStringsTable {
    @Override
    protected String xmlText(CTRst entry) {
      if (entry.sizeOfRArray() == 0
          && entry.sizeOfRPhArray() == 0
          && !entry.isSetPhoneticPr()
          && entry.isSetT()) {
        return "\u0000plain\u0000" + entry.getT();
      }
      return super.xmlText(entry);
    }
  }

  private static String residence(String residence) {
    return switch (residence) {
      case "urban" -> "城镇";
      case "rural" -> "农村";
      default -> "合计";
    };
  }

  private static String sex(String sex) {
    return switch (sex) {
      case "1" -> "男";
      case "2" -> "女";
      default -> "合计";
    };
  }
}
