package wds.jobs.serve;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import wds.warehouse.report.ReportYears;

/**
 * One indicator's page: the county's trend with its 95% interval and the target; the townships of
 * the year with their intervals against the county; urban against rural; women against men; the
 * three-year pooled figures where the numbers are small; its warnings of the year.
 */
public record IndicatorPage(
    IndicatorDef def,
    int year,
    String countyValue,
    String countyStatus,
    List<Map<String, Object>> townships,
    List<Map<String, Object>> pooled,
    List<Map<String, Object>> warnings,
    Map<String, Object> trendChart,
    Map<String, Object> townshipChart,
    Map<String, Object> residenceChart,
    Map<String, Object> sexChart) {

  static IndicatorPage read(Connection snapshot, IndicatorDef def, ReportYears years, int year)
      throws SQLException {
    List<Map<String, Object>> rows = Rows.query(snapshot, "indicator_rows", def.code());
    TreeMap<Integer, Map<String, Object>> county = new TreeMap<>();
    Map<String, Map<Integer, Double>> residence = new LinkedHashMap<>();
    Map<String, Map<Integer, Double>> sex = new LinkedHashMap<>();
    List<Map<String, Object>> townships = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      int y = ((Number) row.get("year")).intValue();
      boolean isCounty = "county".equals(row.get("area_level"));
      String res = (String) row.get("residence");
      String sx = (String) row.get("sex");
      if (y > year && !(isCounty && "all".equals(res) && "0".equals(sx))) {
        continue; // charts end at the year shown, as the reports' charts end at the report year
      }
      if (isCounty && "all".equals(res) && "0".equals(sx)) {
        county.put(y, row);
      } else if (isCounty && "0".equals(sx)) {
        residence.computeIfAbsent(res, k -> new TreeMap<>()).put(y, Rows.number(row, "value"));
      } else if (isCounty && "all".equals(res)) {
        sex.computeIfAbsent(sx, k -> new TreeMap<>()).put(y, Rows.number(row, "value"));
      } else if (!isCounty && y == year && "all".equals(res) && "0".equals(sx)) {
        Map<String, Object> t = new LinkedHashMap<>(row);
        t.put("value_text", def.format(Rows.number(row, "value")));
        t.put("interval_text", interval(def, row));
        t.put("status_label", Status.label((String) row.get("status")));
        t.put("status_css", Status.css((String) row.get("status")));
        townships.add(t);
      }
    }
    Map<String, Object> now = county.get(year);
    List<Map<String, Object>> warnings =
        Rows.query(snapshot, "warning_rows", year, def.code(), def.code(), null, null, null, null);
    List<Map<String, Object>> pooled =
        warnings.stream()
            .filter(w -> "small_numbers".equals(w.get("kind")) && w.get("pooled_value") != null)
            .map(
                w -> {
                  Map<String, Object> p = new LinkedHashMap<>(w);
                  p.put("pooled_text", def.format(Rows.number(w, "pooled_value")));
                  return p;
                })
            .toList();
    for (Map<String, Object> w : warnings) {
      w.put("kind_label", Status.kind((String) w.get("kind")));
    }
    return new IndicatorPage(
        def,
        year,
        def.format(now == null ? null : Rows.number(now, "value")),
        now == null ? "no_data" : (String) now.get("status"),
        townships,
        pooled,
        warnings,
        trend(def, county.headMap(year + 1), years),
        townshipChart(townships, now),
        lines("residence", residence, Map.of("urban", "城镇", "rural", "农村")),
        lines("sex", sex, Map.of("2", "女", "1", "男")));
  }

  public String statusLabel() {
    return Status.label(countyStatus);
  }

  public String statusCss() {
    return Status.css(countyStatus);
  }

  private static String interval(IndicatorDef def, Map<String, Object> row) {
    Double low = Rows.number(row, "ci_low");
    Double high = Rows.number(row, "ci_high");
    return low == null || high == null ? "—" : def.format(low) + " ~ " + def.format(high);
  }

  private static Map<String, Object> trend(
      IndicatorDef def, Map<Integer, Map<String, Object>> county, ReportYears years) {
    List<Integer> x = new ArrayList<>();
    List<Double> value = new ArrayList<>();
    List<Double> low = new ArrayList<>();
    List<Double> high = new ArrayList<>();
    for (var e : county.entrySet()) {
      if (e.getKey() < years.baselineYear()) {
        continue;
      }
      x.add(e.getKey());
      value.add(Rows.number(e.getValue(), "value"));
      low.add(Rows.number(e.getValue(), "ci_low"));
      high.add(Rows.number(e.getValue(), "ci_high"));
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("kind", "trend");
    chart.put("years", x);
    chart.put("values", value);
    chart.put("low", low);
    chart.put("high", high);
    boolean fixedTarget = List.of("ge", "lt", "approx").contains(def.targetOp());
    chart.put("target", fixedTarget ? def.target() : null);
    chart.put("unit", def.unit().format(0).replaceAll("[0-9.]", ""));
    return chart;
  }

  private static Map<String, Object> townshipChart(
      List<Map<String, Object>> townships, Map<String, Object> county) {
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("kind", "townships");
    chart.put("names", townships.stream().map(t -> t.get("area_name")).toList());
    chart.put("values", townships.stream().map(t -> Rows.number(t, "value")).toList());
    chart.put("low", townships.stream().map(t -> Rows.number(t, "ci_low")).toList());
    chart.put("high", townships.stream().map(t -> Rows.number(t, "ci_high")).toList());
    chart.put("county", county == null ? null : Rows.number(county, "value"));
    return chart;
  }

  private static Map<String, Object> lines(
      String kind, Map<String, Map<Integer, Double>> series, Map<String, String> names) {
    if (series.isEmpty()) {
      return null;
    }
    TreeMap<Integer, Boolean> allYears = new TreeMap<>();
    series.values().forEach(s -> s.keySet().forEach(y -> allYears.put(y, true)));
    List<Map<String, Object>> lines = new ArrayList<>();
    for (var name : names.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
      Map<Integer, Double> s = series.get(name.getKey());
      if (s != null) {
        lines.add(
            Map.of(
                "name",
                name.getValue(),
                "values",
                allYears.keySet().stream().map(y -> s.get(y)).toList()));
      }
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("kind", "lines");
    chart.put("years", List.copyOf(allYears.keySet()));
    chart.put("lines", lines);
    return chart;
  }
}
