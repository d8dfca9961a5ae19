package wds.jobs.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javax.xml.namespace.QName;
import org.apache.poi.ooxml.POIXMLDocumentPart;
import org.apache.poi.ooxml.POIXMLRelation;
import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.apache.poi.ooxml.util.DocumentHelper;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.Units;
import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFNoFillProperties;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFactory;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlObject;
import org.apache.xmlbeans.XmlOptions;
import org.apache.xmlbeans.XmlToken;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTChartSpace;
import org.openxmlformats.schemas.drawingml.x2006.main.CTGraphicalObject;
import org.openxmlformats.schemas.drawingml.x2006.main.CTNonVisualDrawingProps;
import org.openxmlformats.schemas.drawingml.x2006.wordprocessingDrawing.CTInline;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import wds.warehouse.report.DigestEntry;
import wds.warehouse.report.Domain;
import wds.warehouse.report.DomainAttainment;
import wds.warehouse.report.IndicatorSection;
import wds.warehouse.report.MissingData;
import wds.warehouse.report.Report;
import wds.warehouse.report.ReportRow;

/**
 * {@code report.docx}: the report as an editable Word document (Apache POI): Word's heading styles
 * (标题 1, 标题 2), a table of contents field Word or WPS fills on opening, Word tables, and native
 * Word charts (XDDF line charts with their data embedded, editable; drawn by the reader's fonts).
 */
final class DocxReport {

  private static final int CHART_WIDTH = Units.toEMU(450);
  private static final int CHART_HEIGHT = Units.toEMU(220);

  /** Series colours: the county (or first group) blue, the second red, bounds and target grey. */
  private static final byte[][] COLORS = {
    {0x1f, 0x5f, (byte) 0xa8},
    {(byte) 0xc0, 0x39, 0x2b},
    {(byte) 0x88, (byte) 0x88, (byte) 0x88},
    {0x55, 0x55, 0x55}
  };

  /** The sheet of a chart's embedded workbook (the name POI gave a new workbook's first sheet). */
  private static final String SHEET = "Sheet0";

  /**
   * A chart's embedded workbook as a plain part: POI's own relation makes every embedding an {@code
   * XSSFWorkbook} object (built, then thrown away, as the bytes are written separately).
   */
  private static final POIXMLRelation EMBEDDED_WORKBOOK = new PlainPart(XWPFRelation.WORKBOOK);

  /**
   * A chart reused in a document: its part as plain bytes (the chart is drawn in {@link #draw}).
   */
  private static final POIXMLRelation CHART_PART = new PlainPart(XWPFRelation.CHART);

  /** The relation id attribute of {@code <c:chart>}. */
  private static final QName CHART_ID =
      new QName("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id");

  /** How a chart's part is written: {@code XDDFChart.commit}'s options. */
  private static final XmlOptions CHART_XML = chartXml();

  private final Report report;
  private final ReportView view;
  private final RenderedParts parts;
  private final XWPFDocument doc = new XWPFDocument();
  private int embedded;
  private int charts;
  private long drawings;
  private final XmlObject graphic = graphic();

  private DocxReport(Report report, RenderedParts parts) {
    this.report = report;
    this.parts = parts;
    this.view = new ReportView(report, parts);
  }

  static void write(Report report, Path file, RenderedParts parts) throws IOException {
    DocxReport docx = new DocxReport(report, parts);
    docx.build();
    // written, not closed: closing a document made in memory saves it a second time (POI's
    // OPCPackage.close), into a buffer nobody reads; it holds no file or other resource
    try (OutputStream out = Files.newOutputStream(file)) {
      docx.doc.write(out);
    }
  }

  private void build() {
    styles();
    titlePage();
    overview();
    for (Domain d : Domain.values()) {
      domain(d);
    }
    digest();
    appendix();
  }

  private void titlePage() {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(ParagraphAlignment.CENTER);
    p.setSpacingBefore(2400);
    run(p, report.planName(), 36, true);
    p = doc.createParagraph();
    p.setAlignment(ParagraphAlignment.CENTER);
    run(p, view.kindTitle(), 32, true);
    p = doc.createParagraph();
    p.setAlignment(ParagraphAlignment.CENTER);
    run(p, report.year() + "年" + (report.publicVersion() ? "（公开版）" : ""), 28, false);
    p = doc.createParagraph();
    p.setAlignment(ParagraphAlignment.CENTER);
    p.setSpacingBefore(2400);
    run(p, "呼图壁县统计局 妇女发展规划监测组", 24, false);
    p = doc.createParagraph();
    p.setAlignment(ParagraphAlignment.CENTER);
    run(p, "数据快照：" + view.snapshotDate() + "（" + report.snapshot() + "）", 21, false);
    p = doc.createParagraph();
    p.setAlignment(ParagraphAlignment.CENTER);
    run(p, "最新数据报送日期：" + view.deliveryDate(), 21, false);
    pageBreak();
    XWPFParagraph toc = doc.createParagraph();
    run(toc, "目录", 32, true);
    XWPFParagraph field = doc.createParagraph();
    CTSimpleField simple = field.getCTP().addNewFldSimple();
    simple.setInstr("TOC \\o \"1-2\" \\h \\z \\u");
    simple.setDirty(true);
    simple.addNewR().addNewT().setStringValue("（打开文档时更新目录）");
    doc.enforceUpdateFields();
  }

  private void overview() {
    heading("总体情况", 1, true);
    paragraph(view.basis());
    paragraph(view.attainment());
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"领域", "已实现", "未实现", "仅监测", "无数据", "不公开", "达标率"});
    for (DomainAttainment d : report.attainment().domains()) {
      var a = d.attainment();
      rows.add(
          new String[] {
            d.title(),
            "" + a.met(),
            "" + a.notMet(),
            "" + a.noTarget(),
            "" + a.noData(),
            "" + a.withheld(),
            view.rate(a)
          });
    }
    var a = report.attainment().county();
    rows.add(
        new String[] {
          "合计",
          "" + a.met(),
          "" + a.notMet(),
          "" + a.noTarget(),
          "" + a.noData(),
          "" + a.withheld(),
          view.rate(a)
        });
    table(rows);
    if (view.midterm()) {
      heading("中期评估：规划目标实现风险", 2, false);
      if (view.atRisk().isEmpty()) {
        paragraph("按基期以来的趋势推算，各项有目标的指标均有望在规划期末实现目标。");
      }
      int n = 1;
      for (DigestEntry e : view.atRisk()) {
        paragraph(n++ + ". " + e.text());
      }
    }
    if (view.finalReport()) {
      heading("终期评估：规划目标完成情况", 2, false);
      List<String[]> ends = new ArrayList<>();
      ends.add(
          new String[] {
            "指标", "目标", report.years().baselineYear() + "年", report.year() + "年", "期末状态"
          });
      for (IndicatorSection s : view.targets()) {
        ends.add(
            new String[] {
              s.nameZh(), view.target(s), view.baseline(s), view.current(s), view.attained(s)
            });
      }
      table(ends);
    }
  }

  private void domain(Domain d) {
    heading(d.numeral() + "、" + d.title(), 1, true);
    int n = 1;
    for (IndicatorSection s : report.indicators(d)) {
      String progress = view.midterm() ? view.progress(s) : "";
      paragraph(
          n++ + ". " + view.finding(s) + (progress.isEmpty() ? "" : "（中期进展：" + progress + "。）"));
    }
    for (IndicatorSection s : report.indicators(d)) {
      if (!view.charted(s)) {
        continue;
      }
      heading(s.nameZh(), 2, false);
      chart(
          s.nameZh() + "：变化趋势与95%置信区间",
          s.trend(),
          List.of(
              new Line("全县", ReportRow::value, true),
              new Line("95%下限", r -> r.ciLow() == null ? r.value() : r.ciLow(), true),
              new Line("95%上限", r -> r.ciHigh() == null ? r.value() : r.ciHigh(), true)),
          targetLine(s));
      if (s.byResidence()) {
        twoSeries(
            s.nameZh() + "：城镇与农村", s.series("urban", "0"), "城镇", s.series("rural", "0"), "农村");
      }
      if (s.bySex()) {
        twoSeries(s.nameZh() + "：女性与男性", s.series("all", "2"), "女性", s.series("all", "1"), "男性");
      }
      if (view.hasTownships(s)) {
        townships(s);
      }
    }
    heading(d.title() + "指标监测表", 2, false);
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "指标",
          "单位",
          "目标",
          "基期值（" + report.years().baselineYear() + "年）",
          "上年",
          "本年",
          "95%区间",
          "达标情况"
        });
    for (IndicatorSection s : report.indicators(d)) {
      rows.add(
          new String[] {
            s.nameZh(),
            view.unit(s),
            view.target(s),
            view.baseline(s),
            view.previous(s),
            view.current(s),
            view.interval(s),
            view.status(s)
          });
    }
    table(rows);
    if (view.anyWithheld()) {
      paragraph(view.suppressionNote());
    }
  }

  private void digest() {
    heading("需要关注的问题", 1, true);
    if (report.digest().entries().isEmpty()) {
      paragraph("本年度没有需要预警的指标。");
    }
    for (DigestEntry e : report.digest().entries()) {
      paragraph(e.rank() + ". " + e.text());
    }
    if (!report.digest().missing().isEmpty()) {
      heading("数据缺失", 2, false);
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"责任部门", "指标", "情况"});
      for (MissingData m : report.digest().missing()) {
        rows.add(new String[] {m.department(), m.nameZh(), m.text()});
      }
      table(rows);
    }
  }

  private void appendix() {
    heading("附录", 1, true);
    heading("一、指标定义", 2, false);
    List<String[]> defs = new ArrayList<>();
    defs.add(new String[] {"代码", "指标", "分子", "分母", "单位", "数据来源"});
    for (IndicatorSection s : report.indicators()) {
      defs.add(
          new String[] {
            s.code(),
            s.nameZh(),
            s.numeratorDefinition(),
            s.denominatorDefinition(),
            view.unit(s),
            view.extracts(s)
          });
    }
    table(defs);
    heading("二、数据报送情况", 2, false);
    List<String[]> deliveries = new ArrayList<>();
    deliveries.add(new String[] {"部门", "数据", "报送日期", "入库记录", "剔除记录"});
    for (var d : report.deliveries()) {
      deliveries.add(
          new String[] {
            d.department(),
            d.source() + "/" + d.extract(),
            String.valueOf(d.deliveryDate()),
            String.format("%,d", d.rowsLoaded()),
            String.format("%,d", d.rowsRejected())
          });
    }
    table(deliveries);
    heading("三、剔除记录（按原因）", 2, false);
    if (report.rejects().isEmpty()) {
      paragraph("本期报送数据无剔除记录。");
    } else {
      List<String[]> rejects = new ArrayList<>();
      rejects.add(new String[] {"来源", "原因", "记录数"});
      for (var x : report.rejects()) {
        rejects.add(new String[] {x.source(), x.reason(), String.format("%,d", x.rows())});
      }
      table(rejects);
    }
    heading("四、说明", 2, false);
    paragraph("1. " + view.provisionalNote());
    paragraph("2. " + view.smallNumbersNote());
    paragraph("3. 95%置信区间：百分比采用Wilson法，每10万（每千）比率采用精确Poisson法；人数、年龄和比值不计算区间。");
    if (report.publicVersion()) {
      paragraph("4. " + view.suppressionNote());
    }
  }

  /** A line of a chart: its name, the value it takes from a row, and whether it is drawn. */
  private record Line(String name, Function<ReportRow, Double> value, boolean line) {}

  private Double targetLine(IndicatorSection s) {
    return switch (s.targetOp()) {
      case "ge", "lt", "approx" -> s.target();
      case "up", "down" ->
          s.baseline().filter(r -> !r.withheld()).map(ReportRow::value).orElse(null);
      default -> null;
    };
  }

  private void twoSeries(
      String title, List<ReportRow> a, String aName, List<ReportRow> b, String bName) {
    List<Integer> years = new ArrayList<>();
    for (ReportRow r : a) {
      if (shown(r) && b.stream().anyMatch(o -> o.year() == r.year() && shown(o))) {
        years.add(r.year());
      }
    }
    if (years.isEmpty()) {
      return;
    }
    String[] categories = years.stream().map(String::valueOf).toArray(String[]::new);
    Double[] first = years.stream().map(y -> valueIn(a, y)).toArray(Double[]::new);
    Double[] second = years.stream().map(y -> valueIn(b, y)).toArray(Double[]::new);
    lineChart(
        title, categories, List.of(aName, bName), List.of(first, second), List.of(true, true));
  }

  private void chart(String title, List<ReportRow> rows, List<Line> lines, Double target) {
    List<ReportRow> shown = rows.stream().filter(DocxReport::shown).toList();
    if (shown.isEmpty()) {
      return;
    }
    String[] categories = shown.stream().map(r -> String.valueOf(r.year())).toArray(String[]::new);
    List<String> names = new ArrayList<>();
    List<Double[]> values = new ArrayList<>();
    List<Boolean> drawn = new ArrayList<>();
    for (Line l : lines) {
      names.add(l.name());
      values.add(shown.stream().map(l.value()).toArray(Double[]::new));
      drawn.add(l.line());
    }
    if (target != null) {
      names.add("目标");
      Double[] t = new Double[shown.size()];
      java.util.Arrays.fill(t, target);
      values.add(t);
      drawn.add(true);
    }
    lineChart(title, categories, names, values, drawn);
  }

  private void townships(IndicatorSection s) {
    List<ReportRow> rows = s.townships().stream().filter(DocxReport::shown).toList();
    String[] categories = rows.stream().map(ReportRow::areaName).toArray(String[]::new);
    Double[] values = rows.stream().map(ReportRow::value).toArray(Double[]::new);
    Double[] low =
        rows.stream().map(r -> r.ciLow() == null ? r.value() : r.ciLow()).toArray(Double[]::new);
    Double[] high =
        rows.stream().map(r -> r.ciHigh() == null ? r.value() : r.ciHigh()).toArray(Double[]::new);
    List<String> names = new ArrayList<>(List.of("乡镇数值", "95%下限", "95%上限"));
    List<Double[]> series = new ArrayList<>(List.of(values, low, high));
    List<Boolean> drawn = new ArrayList<>(List.of(false, false, false));
    s.current()
        .filter(DocxReport::shown)
        .ifPresent(
            county -> {
              Double[] line = new Double[rows.size()];
              java.util.Arrays.fill(line, county.value());
              names.add("全县");
              series.add(line);
              drawn.add(true);
            });
    lineChart(s.nameZh() + "：" + report.year() + "年各乡镇", categories, names, series, drawn);
  }

  /**
   * A native Word line chart; a series not drawn as a line shows its points only. Its data go into
   * the chart's cache and into its embedded workbook (Word's "edit data"): the workbook's bytes are
   * written once per batch for the same data ({@link #embed}), not through a POI workbook per
   * chart. The chart's own part is drawn by XDDF once per batch for the same title and data and its
   * bytes reused ({@link #place}): the annual and the final report, and the internal and the public
   * version wherever no cell is withheld, hold the same charts.
   */
  private void lineChart(
      String title,
      String[] categories,
      List<String> names,
      List<Double[]> values,
      List<Boolean> lines) {
    StringBuilder key =
        new StringBuilder("chart|").append(title).append('|').append(String.join(",", categories));
    for (int i = 0; i < names.size(); i++) {
      key.append('|')
          .append(names.get(i))
          .append(':')
          .append(lines.get(i))
          .append(':')
          .append(Arrays.toString(values.get(i)));
    }
    boolean[] drawnHere = {false};
    ChartPart part =
        parts.get(
            key.toString(),
            () -> {
              drawnHere[0] = true;
              return draw(title, categories, names, values, lines);
            });
    if (!drawnHere[0]) {
      place(part, title, categories, names, values);
    }
  }

  /** A Word chart's part as XDDF wrote it, and the relation id its embedded workbook has in it. */
  private record ChartPart(byte[] xml, String workbookId) {}

  /**
   * Draws the chart with XDDF into this document and writes its part now (what {@code
   * XDDFChart.commit} would write when the document is saved), so its bytes can be reused.
   */
  private ChartPart draw(
      String title,
      String[] categories,
      List<String> names,
      List<Double[]> values,
      List<Boolean> lines) {
    try {
      // what XWPFDocument.createChart does, but the inline (inline()) and the part's number
      XWPFRun run = doc.createParagraph().createRun();
      POIXMLDocumentPart.RelationPart relation =
          doc.createRelationship(XWPFRelation.CHART, XWPFFactory.getInstance(), ++charts, false);
      XWPFChart chart = relation.getDocumentPart();
      chart.setChartIndex(charts);
      inline(run, relation.getRelationship().getId());
      chart.setTitleText(title);
      chart.setTitleOverlay(false);
      chart.getOrAddLegend().setPosition(LegendPosition.TOP);
      XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
      XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
      left.setCrosses(AxisCrosses.AUTO_ZERO);
      XDDFCategoryDataSource cats =
          XDDFDataSourcesFactory.fromArray(
              categories,
              new CellRangeAddress(1, categories.length, 0, 0).formatAsString(SHEET, true),
              0);
      XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, bottom, left);
      data.setVaryColors(false);
      List<XDDFLineChartData.Series> plotted = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        XDDFNumericalDataSource<Double> vals =
            XDDFDataSourcesFactory.fromArray(
                values.get(i),
                new CellRangeAddress(1, categories.length, i + 1, i + 1)
                    .formatAsString(SHEET, true),
                i + 1);
        XDDFLineChartData.Series series = (XDDFLineChartData.Series) data.addSeries(cats, vals);
        plotted.add(series);
        series.setTitle(names.get(i), new CellReference(SHEET, 0, i + 1, true, true));
        series.setSmooth(false);
        String name = names.get(i);
        byte[] rgb =
            name.startsWith("95%")
                ? COLORS[2]
                : name.equals("目标") ? COLORS[3] : COLORS[Math.min(i, 1)];
        if (lines.get(i)) {
          XDDFLineProperties line = new XDDFLineProperties();
          line.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(rgb)));
          line.setWidth(names.get(i).startsWith("95%") || names.get(i).equals("目标") ? 1.0 : 2.0);
          if (names.get(i).startsWith("95%") || names.get(i).equals("目标")) {
            line.setPresetDash(new XDDFPresetLineDash(PresetLineDash.DASH));
          }
          series.setLineProperties(line);
          series.setMarkerStyle(i == 0 ? MarkerStyle.CIRCLE : MarkerStyle.NONE);
        } else {
          XDDFLineProperties none = new XDDFLineProperties();
          none.setFillProperties(new XDDFNoFillProperties());
          series.setLineProperties(none);
          series.setMarkerStyle(i == 0 ? MarkerStyle.CIRCLE : MarkerStyle.DASH);
        }
      }
      // what XDDFChart.plot does, less filling a POI workbook: embed() writes the workbook
      plotted.forEach(XDDFLineChartData.Series::plot);
      String workbookId = embed(chart, categories, names, values);
      chart.setExternalId(workbookId);
      ByteArrayOutputStream xml = new ByteArrayOutputStream(16 * 1024);
      chart.getCTChartSpace().save(xml, CHART_XML);
      byte[] bytes = xml.toByteArray();
      write(chart, bytes);
      return new ChartPart(bytes, workbookId);
    } catch (IOException e) {
      throw new IllegalStateException("cannot add the chart " + title, e);
    }
  }

  /**
   * Puts a chart drawn before in this batch into the document: a paragraph holding the chart inline
   * (as {@code XWPFDocument.createChart} makes it), the part with the drawn bytes, and its embedded
   * workbook.
   */
  private void place(
      ChartPart part,
      String title,
      String[] categories,
      List<String> names,
      List<Double[]> values) {
    try {
      XWPFRun run = doc.createParagraph().createRun();
      POIXMLDocumentPart.RelationPart chart =
          doc.createRelationship(CHART_PART, XWPFFactory.getInstance(), ++charts, false);
      write(chart.getDocumentPart(), part.xml());
      inline(run, chart.getRelationship().getId());
      String workbookId = embed(chart.getDocumentPart(), categories, names, values);
      if (!workbookId.equals(part.workbookId())) {
        throw new IllegalStateException(
            "the chart "
                + title
                + " names its workbook "
                + part.workbookId()
                + ", not "
                + workbookId);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot add the chart " + title, e);
    }
  }

  /**
   * The chart's inline drawing in {@code run}, as {@code XWPFRun.addChart} and {@code
   * XWPFChart.attach} make it, but with the {@code <a:graphic>} parsed once per document ({@link
   * #graphic}) rather than through a new DOM parser for every chart, and the drawing ids counted
   * here (POI's counter is not public; only charts take ids in this document, from 0 as POI's).
   */
  private void inline(XWPFRun run, String chartId) {
    CTInline inline = run.getCTR().addNewDrawing().addNewInline();
    inline.set(graphic);
    try (XmlCursor chart = inline.newCursor()) {
      // <a:graphic><a:graphicData><c:chart r:id="…"/>
      if (!(chart.toFirstChild() && chart.toFirstChild() && chart.toFirstChild())) {
        throw new IllegalStateException("no c:chart in the chart's inline drawing");
      }
      chart.setAttributeText(CHART_ID, chartId);
    }
    inline.setDistT(0);
    inline.setDistR(0);
    inline.setDistB(0);
    inline.setDistL(0);
    CTNonVisualDrawingProps properties = inline.addNewDocPr();
    long id = drawings++;
    properties.setId(id);
    properties.setName("chart " + id);
    inline.addNewExtent();
    inline.getExtent().setCx(CHART_WIDTH);
    inline.getExtent().setCy(CHART_HEIGHT);
  }

  /** A chart's {@code <a:graphic>}, parsed as {@code XWPFRun.addChart} parses it. */
  private static XmlObject graphic() {
    String chart = CTChart.type.getName().getNamespaceURI();
    String xml =
        "<a:graphic xmlns:a=\""
            + CTGraphicalObject.type.getName().getNamespaceURI()
            + "\"><a:graphicData uri=\""
            + chart
            + "\"><c:chart xmlns:c=\""
            + chart
            + "\" xmlns:r=\""
            + CHART_ID.getNamespaceURI()
            + "\" r:id=\"\" /></a:graphicData></a:graphic>";
    try {
      org.w3c.dom.Document dom =
          DocumentHelper.readDocument(new InputSource(new StringReader(xml)));
      return XmlToken.Factory.parse(dom.getDocumentElement(), POIXMLTypeLoader.DEFAULT_XML_OPTIONS);
    } catch (IOException | SAXException | XmlException e) {
      throw new IllegalStateException("cannot parse a chart's inline drawing", e);
    }
  }

  /**
   * Embeds the chart's workbook: the series' names in the first row, the categories down column A,
   * each series in its own column (the cells the chart's formulas point at), as XDDF would fill it.
   * The part is written now and marked committed, so saving the document keeps it.
   *
   * @return the relation id of the workbook in the chart's part
   */
  private String embed(
      POIXMLDocumentPart chart, String[] categories, List<String> names, List<Double[]> values)
      throws IOException {
    StringBuilder key = new StringBuilder("embedded|").append(String.join(",", categories));
    for (int i = 0; i < names.size(); i++) {
      key.append('|').append(names.get(i)).append(':').append(Arrays.toString(values.get(i)));
    }
    byte[] workbook =
        parts.get(key.toString(), () -> ChartWorkbook.bytes(SHEET, categories, names, values));
    POIXMLDocumentPart.RelationPart part =
        chart.createRelationship(EMBEDDED_WORKBOOK, XWPFFactory.getInstance(), ++embedded, false);
    write(part.getDocumentPart(), workbook);
    return part.getRelationship().getId();
  }

  /** Writes a part's bytes now and marks it committed, so saving the document keeps them. */
  private static void write(POIXMLDocumentPart part, byte[] bytes) throws IOException {
    try (OutputStream out = part.getPackagePart().getOutputStream()) {
      out.write(bytes);
    }
    part.setCommitted(true);
  }

  /** A part of a given relation kept as plain bytes: no POI object is built for it. */
  private static final class PlainPart extends POIXMLRelation {
    PlainPart(POIXMLRelation kind) {
      super(
          kind.getContentType(),
          kind.getRelation(),
          kind.getDefaultFileName(),
          POIXMLDocumentPart::new,
          POIXMLDocumentPart::new,
          null);
    }
  }

  private static XmlOptions chartXml() {
    XmlOptions options = new XmlOptions(POIXMLTypeLoader.DEFAULT_XML_OPTIONS);
    options.setSaveSyntheticDocumentElement(
        new QName(CTChartSpace.type.getName().getNamespaceURI(), "chartSpace", "c"));
    return options;
  }

  private static Double valueIn(List<ReportRow> rows, int year) {
    return rows.stream()
        .filter(r -> r.year() == year)
        .map(ReportRow::value)
        .findFirst()
        .orElse(null);
  }

  private static boolean shown(ReportRow r) {
    return r != null && !r.withheld() && r.value() != null;
  }

  private void heading(String text, int level, boolean newPage) {
    XWPFParagraph p = doc.createParagraph();
    p.setStyle("Heading" + level);
    p.setPageBreak(newPage);
    p.createRun().setText(text);
  }

  private void paragraph(String text) {
    XWPFParagraph p = doc.createParagraph();
    p.setSpacingAfter(120);
    p.createRun().setText(text);
  }

  private void run(XWPFParagraph p, String text, int halfPoints, boolean bold) {
    XWPFRun r = p.createRun();
    r.setText(text);
    r.setFontSize(halfPoints / 2.0);
    r.setBold(bold);
  }

  private void pageBreak() {
    doc.createParagraph().createRun().addBreak(BreakType.PAGE);
  }

  /** A Word table; the first row is the header, repeated on every page, no row split. */
  private void table(List<String[]> rows) {
    XWPFTable table = doc.createTable(rows.size(), rows.get(0).length);
    table.setWidth("100%");
    for (int i = 0; i < rows.size(); i++) {
      XWPFTableRow row = table.getRow(i);
      row.setCantSplitRow(true);
      if (i == 0) {
        row.setRepeatHeader(true);
      }
      String[] cells = rows.get(i);
      for (int j = 0; j < cells.length; j++) {
        XWPFParagraph p = row.getCell(j).getParagraphs().get(0);
        XWPFRun r = p.createRun();
        r.setText(cells[j] == null ? "" : cells[j]);
        r.setFontSize(9);
        r.setBold(i == 0);
      }
    }
  }

  /** Word's built-in heading styles (heading 1, heading 2), so the TOC and navigation find them. */
  private void styles() {
    XWPFStyles styles = doc.createStyles();
    heading(styles, "Heading1", "heading 1", 0, 32);
    heading(styles, "Heading2", "heading 2", 1, 26);
  }

  private static void heading(
      XWPFStyles styles, String id, String name, int level, int halfPoints) {
    CTStyle style = CTStyle.Factory.newInstance();
    style.setStyleId(id);
    style.setType(STStyleType.PARAGRAPH);
    style.addNewName().setVal(name);
    style.addNewBasedOn().setVal("Normal");
    style.addNewNext().setVal("Normal");
    style.addNewUiPriority().setVal(BigInteger.valueOf(9));
    style.addNewQFormat();
    CTPPrGeneral ppr = style.addNewPPr();
    ppr.addNewKeepNext();
    ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(level));
    ppr.addNewSpacing().setBefore(BigInteger.valueOf(240));
    CTRPr rpr = style.addNewRPr();
    rpr.addNewB();
    rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
    styles.addStyle(new XWPFStyle(style));
  }
}
