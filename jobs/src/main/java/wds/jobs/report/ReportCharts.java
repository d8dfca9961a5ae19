package wds.jobs.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.YIntervalRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import wds.warehouse.report.IndicatorSection;
import wds.warehouse.report.ReportRow;

/**
 * The charts of a report as inline SVG (JFreeChart drawn through JFreeSVG): text stays SVG text,
 * drawn by the reader's browser with its own fonts, so the server embeds no font. Withheld and
 * missing values are left out of a chart, never drawn as zero.
 */
final class ReportCharts {

  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final Color[] COLORS = {
    new Color(0x1f, 0x5f, 0xa8), new Color(0xc0, 0x39, 0x2b), new Color(0x2e, 0x8b, 0x57)
  };
  private static final AtomicInteger IDS = new AtomicInteger();

  /** The ids' prefix of a drawn chart, replaced by a page-unique one each time it is used. */
  private static final String PREFIX = "wdsChartIds_";

  private ReportCharts() {}

  /** The county's trend from the first year shown, the 95% interval as a band, the target line. */
  static String trend(IndicatorSection s, RenderedParts parts) {
    return numbered(parts.get(key("trend", s, s.trend()), () -> trend(s)));
  }

  /** Urban against rural, by year. */
  static String urbanRural(IndicatorSection s, RenderedParts parts) {
    List<ReportRow> urban = s.series("urban", "0");
    List<ReportRow> rural = s.series("rural", "0");
    return numbered(parts.get(key("urbanRural", s, urban, rural), () -> urbanRural(s)));
  }

  /** Women against men, by year. */
  static String sexes(IndicatorSection s, RenderedParts parts) {
    List<ReportRow> women = s.series("all", "2");
    List<ReportRow> men = s.series("all", "1");
    return numbered(parts.get(key("sexes", s, women, men), () -> sexes(s)));
  }

  /**
   * The townships of the report year as points with their intervals, the county value as a line.
   */
  static String townships(IndicatorSection s, RenderedParts parts) {
    List<ReportRow> county = s.current().map(List::of).orElse(List.of());
    return numbered(parts.get(key("townships", s, s.townships(), county), () -> townships(s)));
  }

  /**
   * Everything a chart of {@code kind} is drawn from: the unit, the target line and its label, and
   * each row's place, value and interval (a withheld or missing row is left out of a chart).
   */
  @SafeVarargs
  static String key(String kind, IndicatorSection s, List<ReportRow>... rows) {
    StringBuilder key =
        new StringBuilder(kind)
            .append('|')
            .append(wds.warehouse.report.ReportFormat.unit(s.unit()))
            .append('|')
            .append(s.targetOp())
            .append('|')
            .append(targetLine(s));
    for (List<ReportRow> list : rows) {
      key.append('|');
      for (ReportRow r : list) {
        key.append(r.areaName()).append(',').append(r.year()).append(',');
        if (shown(r)) {
          key.append(r.value()).append(',').append(r.ciLow()).append(',').append(r.ciHigh());
        } else {
          key.append('-');
        }
        key.append(';');
      }
    }
    return key.toString();
  }

  /**
   * The chart with its own prefix for the ids of its clip paths and gradients, so that a page
   * holding the same drawing twice still has unique ids.
   */
  private static String numbered(String svg) {
    return svg.replace(PREFIX, "c" + IDS.incrementAndGet() + "_");
  }

  static String trend(IndicatorSection s) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    data.addSeries(series("全县", s.trend()));
    return years(s, data, true);
  }

  static String urbanRural(IndicatorSection s) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    data.addSeries(series("城镇", s.series("urban", "0")));
    data.addSeries(series("农村", s.series("rural", "0")));
    return years(s, data, false);
  }

  static String sexes(IndicatorSection s) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    data.addSeries(series("女性", s.series("all", "2")));
    data.addSeries(series("男性", s.series("all", "1")));
    return years(s, data, false);
  }

  static String townships(IndicatorSection s) {
    List<ReportRow> rows = s.townships();
    String[] names = rows.stream().map(ReportRow::areaName).toArray(String[]::new);
    YIntervalSeries points = new YIntervalSeries("乡镇");
    for (int i = 0; i < rows.size(); i++) {
      ReportRow r = rows.get(i);
      if (shown(r)) {
        double low = r.ciLow() == null ? r.value() : r.ciLow();
        double high = r.ciHigh() == null ? r.value() : r.ciHigh();
        points.add(i, r.value(), low, high);
      }
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    data.addSeries(points);
    SymbolAxis axis = new SymbolAxis(null, names);
    axis.setTickLabelFont(FONT);
    axis.setGridBandsVisible(false);
    NumberAxis values = valueAxis(s);
    YIntervalRenderer renderer = new YIntervalRenderer();
    renderer.setSeriesPaint(0, COLORS[0]);
    XYPlot plot = new XYPlot(data, axis, values, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    s.current()
        .filter(ReportCharts::shown)
        .ifPresent(r -> plot.addRangeMarker(marker(r.value(), "全县", COLORS[1], false)));
    target(s, plot);
    readable(values, data, targetLine(s));
    return svg(chart(plot, false), 640, Math.max(220, 40 + 24 * names.length));
  }

  private static String years(IndicatorSection s, YIntervalSeriesCollection data, boolean band) {
    NumberAxis years = new NumberAxis();
    years.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    years.setNumberFormatOverride(new java.text.DecimalFormat("0"));
    years.setAutoRangeIncludesZero(false);
    years.setTickLabelFont(FONT);
    DeviationRenderer renderer = new DeviationRenderer(true, true);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      renderer.setSeriesPaint(i, COLORS[i % COLORS.length]);
      renderer.setSeriesFillPaint(i, COLORS[i % COLORS.length]);
      renderer.setSeriesStroke(i, new BasicStroke(2f));
    }
    renderer.setAlpha(band ? 0.18f : 0.10f);
    NumberAxis values = valueAxis(s);
    XYPlot plot = new XYPlot(data, years, values, renderer);
    target(s, plot);
    readable(values, data, targetLine(s));
    return svg(chart(plot, true), 640, 300);
  }

  /**
   * Keeps the values readable when intervals dwarf them: a rate on a handful of events (maternal
   * deaths in a township) has a 95% interval many times its value, which would flatten every line
   * to the axis. The axis then ends at 1.5 times the largest value or target line, and the bands
   * run off the top of the plot (the text gives every interval in numbers).
   */
  static void readable(NumberAxis axis, YIntervalSeriesCollection data, Double targetLine) {
    double top = targetLine == null ? 0 : targetLine;
    double highest = top;
    double lowest = Double.POSITIVE_INFINITY;
    for (int series = 0; series < data.getSeriesCount(); series++) {
      for (int item = 0; item < data.getItemCount(series); item++) {
        top = Math.max(top, data.getYValue(series, item));
        highest = Math.max(highest, data.getEndYValue(series, item));
        lowest = Math.min(lowest, data.getStartYValue(series, item));
      }
    }
    if (top > 0 && highest > 2 * top) {
      axis.setRange(Math.min(0, lowest), top * 1.5);
    }
  }

  private static Double targetLine(IndicatorSection s) {
    return switch (s.targetOp()) {
      case "ge", "lt", "approx" -> s.target();
      case "up", "down" ->
          s.baseline().filter(ReportCharts::shown).map(ReportRow::value).orElse(null);
      default -> null;
    };
  }

  private static void target(IndicatorSection s, XYPlot plot) {
    Double line = targetLine(s);
    if (line != null) {
      plot.addRangeMarker(
          marker(
              line,
              s.targetOp().equals("up") || s.targetOp().equals("down") ? "基期值" : "目标",
              new Color(0x55, 0x55, 0x55),
              true));
    }
  }

  private static ValueMarker marker(double value, String label, Color color, boolean dashed) {
    ValueMarker marker = new ValueMarker(value);
    marker.setPaint(color);
    marker.setStroke(
        dashed
            ? new BasicStroke(
                1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
            : new BasicStroke(1.2f));
    marker.setLabel(label);
    marker.setLabelFont(FONT);
    marker.setLabelPaint(color);
    return marker;
  }

  private static NumberAxis valueAxis(IndicatorSection s) {
    NumberAxis axis = new NumberAxis(wds.warehouse.report.ReportFormat.unit(s.unit()));
    axis.setAutoRangeIncludesZero(false);
    axis.setTickLabelFont(FONT);
    axis.setLabelFont(FONT);
    return axis;
  }

  private static JFreeChart chart(XYPlot plot, boolean legend) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
    plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
    JFreeChart chart = new JFreeChart(null, FONT, plot, legend);
    chart.setBackgroundPaint(Color.WHITE);
    LegendTitle title = chart.getLegend();
    if (title != null) {
      title.setItemFont(FONT);
      title.setPosition(RectangleEdge.TOP);
    }
    return chart;
  }

  private static YIntervalSeries series(String name, List<ReportRow> rows) {
    YIntervalSeries series = new YIntervalSeries(name);
    for (ReportRow r : rows) {
      if (shown(r)) {
        double low = r.ciLow() == null ? r.value() : r.ciLow();
        double high = r.ciHigh() == null ? r.value() : r.ciHigh();
        series.add(r.year(), r.value(), low, high);
      }
    }
    return series;
  }

  private static boolean shown(ReportRow r) {
    return r != null && !r.withheld() && r.value() != null;
  }

  private static String svg(JFreeChart chart, int width, int height) {
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    g2.setDefsKeyPrefix(PREFIX);
    chart.draw(g2, new Rectangle(0, 0, width, height));
    return g2.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null);
  }
}
