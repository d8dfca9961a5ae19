package wds.jobs.serve;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wds.warehouse.report.AttainmentTable;
import wds.warehouse.report.DomainAttainment;
import wds.warehouse.report.ReportYears;

/**
 * The overview (总览) of one year: the 达标率 of the county and by domain, counted as {@code reports.md}
 * counts them ({@link AttainmentTable}), and every indicator's county value, target, status and
 * trend from the baseline year, grouped by the eight domains.
 */
public record Overview(int year, AttainmentTable attainment, List<DomainBlock> domains) {

  /** One domain: its attainment and its indicators. */
  public record DomainBlock(DomainAttainment attainment, List<Item> items) {}

  /** One indicator's line: the county row of the year and its sparkline since the baseline. */
  public record Item(
      IndicatorDef def,
      String value,
      String status,
      boolean provisional,
      String target,
      Sparkline trend) {

    public String statusLabel() {
      return Status.label(status);
    }

    public String statusCss() {
      return Status.css(status);
    }
  }

  static Overview read(Connection snapshot, ReportYears years, int year) throws SQLException {
    AttainmentTable attainment = AttainmentTable.read(snapshot, year);
    int from = Math.min(years.baselineYear(), year);
    Map<String, Map<Integer, Map<String, Object>>> series = new HashMap<>();
    for (Map<String, Object> row : Rows.query(snapshot, "county_series", from, year)) {
      series
          .computeIfAbsent((String) row.get("indicator_code"), k -> new HashMap<>())
          .put(((Number) row.get("year")).intValue(), row);
    }
    Map<String, List<Item>> byDomain = new LinkedHashMap<>();
    for (IndicatorDef def : IndicatorDef.catalog(snapshot)) {
      Map<Integer, Map<String, Object>> rows = series.getOrDefault(def.code(), Map.of());
      List<Double> trend = new ArrayList<>();
      for (int y = from; y <= year; y++) {
        Map<String, Object> row = rows.get(y);
        trend.add(row == null ? null : Rows.number(row, "value"));
      }
      Map<String, Object> now = rows.get(year);
      byDomain
          .computeIfAbsent(def.domain(), k -> new ArrayList<>())
          .add(
              new Item(
                  def,
                  def.format(now == null ? null : Rows.number(now, "value")),
                  now == null ? "no_data" : (String) now.get("status"),
                  now != null && Boolean.TRUE.equals(now.get("provisional")),
                  def.targetText(years.baselineYear()),
                  Sparkline.of(trend)));
    }
    List<DomainBlock> domains = new ArrayList<>();
    for (DomainAttainment d : attainment.domains()) {
      domains.add(new DomainBlock(d, byDomain.getOrDefault(d.domain(), List.of())));
    }
    return new Overview(year, attainment, domains);
  }

  /** The bar chart of 达标率 by domain, as ECharts data. */
  public Map<String, Object> chart() {
    List<String> names = new ArrayList<>();
    List<Object> rates = new ArrayList<>();
    for (DomainBlock d : domains) {
      names.add(d.attainment().title());
      Double rate = d.attainment().attainment().rate();
      rates.add(rate == null ? null : Math.round(rate * 10) / 10.0);
    }
    return Map.of("kind", "attainment", "names", names, "rates", rates);
  }
}
