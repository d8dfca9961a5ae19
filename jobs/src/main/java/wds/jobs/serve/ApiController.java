package wds.jobs.serve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API for downstream dashboards. {@code /api/indicators} and {@code /api/warnings} read
 * the current snapshot (login required); {@code /api/public/indicators} reads the public feed only
 * and needs no login. Rows are the warehouse's columns with exact values (rounding belongs to the
 * text).
 */
@RestController
public class ApiController {

  static final Set<String> SEXES = Set.of("0", "1", "2");
  static final Set<String> RESIDENCES = Set.of("all", "urban", "rural");

  private final Dashboard dashboard;
  private final PublicFeed feed;

  public ApiController(Dashboard dashboard, ServeSettings settings) {
    this.dashboard = dashboard;
    this.feed = new PublicFeed(settings.wdsHome());
  }

  /** {@code indicator_value} rows of the county and its townships, filtered. */
  @GetMapping("/api/indicators")
  public Map<String, Object> indicators(
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String area,
      @RequestParam(required = false) String sex,
      @RequestParam(required = false) String residence,
      @RequestParam(required = false) String indicator) {
    check(sex, residence);
    return dashboard.read(
        (c, years, name) -> {
          Integer y = year == null ? null : Dashboard.year(year, years);
          String a = PagesController.blank(area);
          if (a != null
              && Dashboard.areas(c).stream().noneMatch(r -> r.get("area_code").equals(a))) {
            throw new NotFound("没有地区 " + a);
          }
          String code = PagesController.blank(indicator);
          if (code != null) {
            Dashboard.indicator(c, code);
          }
          List<Map<String, Object>> rows =
              Rows.query(
                  c,
                  "api_indicators",
                  y,
                  y,
                  a,
                  a,
                  PagesController.blank(sex),
                  PagesController.blank(sex),
                  PagesController.blank(residence),
                  PagesController.blank(residence),
                  code,
                  code);
          return envelope(name, rows);
        });
  }

  /** {@code indicator_warning} rows of a year (default: the latest complete year), filtered. */
  @GetMapping("/api/warnings")
  public Map<String, Object> warnings(
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String indicator,
      @RequestParam(required = false) String area,
      @RequestParam(required = false) String kind) {
    return dashboard.read(
        (c, years, name) -> {
          int y = Dashboard.year(year, years);
          String code = PagesController.blank(indicator);
          if (code != null) {
            Dashboard.indicator(c, code);
          }
          String k = PagesController.blank(kind);
          if (k != null && !PagesController.KINDS.contains(k)) {
            throw new BadRequest("没有预警类型 " + k);
          }
          String a = PagesController.blank(area);
          return envelope(name, Rows.query(c, "warning_rows", y, code, code, a, a, k, k));
        });
  }

  /** The public feed's {@code indicator_value}, withheld cells blank and flagged. */
  @GetMapping("/api/public/indicators")
  public Map<String, Object> publicIndicators(
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String area,
      @RequestParam(required = false) String sex,
      @RequestParam(required = false) String residence,
      @RequestParam(required = false) String indicator) {
    check(sex, residence);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("source", "public feed");
    out.put(
        "rows",
        feed.indicators(
            year,
            PagesController.blank(area),
            PagesController.blank(sex),
            PagesController.blank(residence),
            PagesController.blank(indicator)));
    return out;
  }

  private static void check(String sex, String residence) {
    if (PagesController.blank(sex) != null && !SEXES.contains(sex)) {
      throw new BadRequest("sex 只能是 0（合计）、1（男）或 2（女），不是 " + sex);
    }
    if (PagesController.blank(residence) != null && !RESIDENCES.contains(residence)) {
      throw new BadRequest("residence 只能是 all、urban 或 rural，不是 " + residence);
    }
  }

  private static Map<String, Object> envelope(String snapshot, List<Map<String, Object>> rows) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("snapshot", snapshot);
    out.put("rows", rows);
    return out;
  }
}
