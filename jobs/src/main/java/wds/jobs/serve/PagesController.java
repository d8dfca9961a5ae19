package wds.jobs.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import wds.warehouse.report.DigestEntry;
import wds.warehouse.report.Domain;
import wds.warehouse.report.WarningDigest;

/**
 * The dashboard's internal pages (login required): 总览, an indicator, a township, the warnings and
 * their raw rows. Each request reads the current snapshot whole ({@link Dashboard}).
 */
@Controller
public class PagesController {

  private final Dashboard dashboard;
  private final ServeJson json;

  public PagesController(Dashboard dashboard, ServeJson json) {
    this.dashboard = dashboard;
    this.json = json;
  }

  @GetMapping("/")
  public String overview(@RequestParam(required = false) Integer year, Model model) {
    return dashboard.read(
        (c, years, name) -> {
          int y = Dashboard.year(year, years);
          model.addAttribute("years", years);
          model.addAttribute("snapshot", name);
          model.addAttribute("year", y);
          model.addAttribute("provisional", years.provisional(y));
          Overview overview =
              dashboard.cached(name, List.of("overview", y), () -> Overview.read(c, years, y));
          model.addAttribute("overview", overview);
          model.addAttribute(
              "townships",
              dashboard.cached(
                  name,
                  List.of("townships"),
                  () ->
                      Dashboard.areas(c).stream()
                          .filter(a -> "township".equals(a.get("area_level")))
                          .toList()));
          model.addAttribute("charts", Map.of("attainment", json.write(overview.chart())));
          return "serve/overview";
        });
  }

  @GetMapping("/indicator/{code}")
  public String indicator(
      @PathVariable String code, @RequestParam(required = false) Integer year, Model model) {
    return dashboard.read(
        (c, years, name) -> {
          IndicatorDef def = Dashboard.indicator(dashboard.catalog(c, name), code);
          int y = Dashboard.year(year, years);
          model.addAttribute("years", years);
          model.addAttribute("snapshot", name);
          model.addAttribute("year", y);
          model.addAttribute("provisional", years.provisional(y));
          model.addAttribute("target", def.targetText(years.baselineYear()));
          IndicatorPage page =
              dashboard.cached(
                  name, List.of("indicator", code, y), () -> IndicatorPage.read(c, def, years, y));
          model.addAttribute("page", page);
          Map<String, String> charts = new LinkedHashMap<>();
          charts.put("trend", json.write(page.trendChart()));
          charts.put("townships", json.write(page.townshipChart()));
          charts.put("residence", json.write(page.residenceChart()));
          charts.put("sex", json.write(page.sexChart()));
          model.addAttribute("charts", charts);
          return "serve/indicator";
        });
  }

  @GetMapping("/township/{code}")
  public String township(
      @PathVariable String code, @RequestParam(required = false) Integer year, Model model) {
    return dashboard.read(
        (c, years, name) -> {
          Map<String, Object> township = Dashboard.township(c, code);
          int y = Dashboard.year(year, years);
          Map<String, IndicatorDef> defs = new LinkedHashMap<>();
          IndicatorDef.catalog(c).forEach(d -> defs.put(d.code(), d));
          List<Map<String, Object>> rows = new ArrayList<>();
          Map<String, Map<String, Object>> byCode = new LinkedHashMap<>();
          for (Map<String, Object> row : Rows.query(c, "township_values", y, code, y)) {
            byCode.put((String) row.get("indicator_code"), row);
          }
          for (IndicatorDef def : defs.values()) {
            Map<String, Object> row =
                new LinkedHashMap<>(byCode.getOrDefault(def.code(), Map.of()));
            row.put("def", def);
            row.put("value_text", def.format(Rows.number(row, "value")));
            row.put("county_text", def.format(Rows.number(row, "county_value")));
            Double low = Rows.number(row, "ci_low");
            Double high = Rows.number(row, "ci_high");
            row.put(
                "interval_text",
                low == null || high == null ? "—" : def.format(low) + " ~ " + def.format(high));
            String status = (String) row.get("status");
            row.put("status_label", Status.label(status == null ? "no_data" : status));
            row.put("status_css", Status.css(status == null ? "no_data" : status));
            rows.add(row);
          }
          model.addAttribute("years", years);
          model.addAttribute("snapshot", name);
          model.addAttribute("year", y);
          model.addAttribute("provisional", years.provisional(y));
          model.addAttribute("township", township);
          model.addAttribute("rows", rows);
          return "serve/township";
        });
  }

  @GetMapping("/warnings")
  public String warnings(
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String domain,
      @RequestParam(required = false) String township,
      @RequestParam(required = false) String kind,
      Model model) {
    return dashboard.read(
        (c, years, name) -> {
          int y = Dashboard.year(year, years);
          if (domain != null && !domain.isEmpty()) {
            try {
              Domain.of(domain);
            } catch (IllegalArgumentException e) {
              throw new BadRequest("没有领域 " + domain);
            }
          }
          if (township != null && !township.isEmpty()) {
            Dashboard.township(c, township);
          }
          if (kind != null && !kind.isEmpty() && !KINDS.contains(kind)) {
            throw new BadRequest("没有预警类型 " + kind);
          }
          WarningDigest digest =
              dashboard.cached(name, List.of("digest", y), () -> WarningDigest.read(c, y));
          List<DigestEntry> entries =
              digest.entries().stream()
                  .filter(e -> domain == null || domain.isEmpty() || e.domain().equals(domain))
                  .filter(e -> kind == null || kind.isEmpty() || e.kinds().contains(kind))
                  .filter(
                      e ->
                          township == null
                              || township.isEmpty()
                              || e.townshipsNotMet().stream()
                                  .anyMatch(a -> a.code().equals(township)))
                  .toList();
          model.addAttribute("years", years);
          model.addAttribute("snapshot", name);
          model.addAttribute("year", y);
          model.addAttribute("provisional", years.provisional(y));
          model.addAttribute("entries", entries);
          model.addAttribute("missing", digest.missing());
          model.addAttribute("domains", Domain.values());
          model.addAttribute(
              "townships",
              dashboard.cached(
                  name,
                  List.of("townships"),
                  () ->
                      Dashboard.areas(c).stream()
                          .filter(a -> "township".equals(a.get("area_level")))
                          .toList()));
          model.addAttribute("kinds", KINDS);
          Map<String, String> labels = new LinkedHashMap<>();
          KINDS.forEach(k -> labels.put(k, Status.kind(k)));
          model.addAttribute("kindLabels", labels);
          model.addAttribute("domain", domain == null ? "" : domain);
          model.addAttribute("township", township == null ? "" : township);
          model.addAttribute("kind", kind == null ? "" : kind);
          return "serve/warnings";
        });
  }

  @GetMapping("/warnings/rows")
  public String warningRows(
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String indicator,
      @RequestParam(required = false) String area,
      @RequestParam(required = false) String kind,
      Model model) {
    return dashboard.read(
        (c, years, name) -> {
          int y = Dashboard.year(year, years);
          String code = blank(indicator);
          if (code != null) {
            Dashboard.indicator(c, code);
          }
          String a = blank(area);
          String k = blank(kind);
          if (k != null && !KINDS.contains(k)) {
            throw new BadRequest("没有预警类型 " + k);
          }
          List<Map<String, Object>> rows = Rows.query(c, "warning_rows", y, code, code, a, a, k, k);
          for (Map<String, Object> row : rows) {
            row.put("kind_label", Status.kind((String) row.get("kind")));
            row.put("sex_label", Status.sex((String) row.get("sex")));
            row.put("residence_label", Status.residence((String) row.get("residence")));
          }
          model.addAttribute("years", years);
          model.addAttribute("snapshot", name);
          model.addAttribute("year", y);
          model.addAttribute("provisional", years.provisional(y));
          model.addAttribute("indicator", code);
          model.addAttribute("rows", rows);
          return "serve/warning-rows";
        });
  }

  /** The warning kinds of {@code indicator_warning}, in the digest's order of urgency. */
  static final List<String> KINDS =
      List.of("not_met", "projected_miss", "volatile", "small_numbers", "no_data");

  static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
