package wds.jobs.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import wds.schemas.sql.SqlFile;
import wds.warehouse.indicator.CatalogueEntry;
import wds.warehouse.indicator.IndicatorCatalogue;
import wds.warehouse.report.Domain;

/**
 * The public view (no login): the indicators of the county or a township as the public feed
 * publishes them, a withheld cell shown as "—" with the rule named, and the feed's files. Values
 * come from the feed only ({@link PublicFeed}); names from the catalogue.
 */
@Controller
public class PublicController {

  private static final IndicatorCatalogue CATALOGUE =
      IndicatorCatalogue.parse(
          "indicators.csv", SqlFile.text("wds/warehouse/indicators.csv"), Map.of());

  private final PublicFeed feed;
  private final ServeSettings settings;

  public PublicController(ServeSettings settings) {
    this.settings = settings;
    this.feed = new PublicFeed(settings.wdsHome());
  }

  @GetMapping("/public")
  public String overview(
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String area,
      Model model) {
    Map<String, Object> years = feed.years();
    int first = ((Number) years.get("first_year")).intValue();
    int last = ((Number) years.get("last_year")).intValue();
    Number complete = (Number) years.get("complete_year");
    int y = year == null ? (complete == null ? last : complete.intValue()) : year;
    if (y < first || y > last) {
      throw new BadRequest("年份 " + y + " 不在公开数据的范围内（" + first + "–" + last + "）");
    }
    List<Map<String, Object>> all = feed.indicators(y, null, "0", "all", null);
    TreeMap<String, Boolean> areas = new TreeMap<>();
    all.forEach(r -> areas.put((String) r.get("area_code"), true));
    String county = areas.isEmpty() ? null : areas.firstKey();
    String a = area == null || area.isBlank() ? county : area;
    if (a != null && !areas.containsKey(a)) {
      throw new NotFound("公开数据中没有地区 " + a);
    }
    Map<String, Map<String, Object>> byCode = new LinkedHashMap<>();
    all.stream()
        .filter(r -> r.get("area_code").equals(a))
        .forEach(r -> byCode.put((String) r.get("indicator_code"), r));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (CatalogueEntry e :
        CATALOGUE.entries().stream()
            .sorted(
                java.util.Comparator.comparing((CatalogueEntry e) -> Domain.of(e.domain()))
                    .thenComparing(CatalogueEntry::code))
            .toList()) {
      Map<String, Object> r = byCode.get(e.code());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("code", e.code());
      row.put("name", e.nameZh());
      row.put("domain", Domain.of(e.domain()).title());
      Object value = r == null ? null : r.get("value");
      row.put("value", value == null ? "—" : e.unit().format(((Number) value).doubleValue()));
      row.put("suppressed", r == null ? null : r.get("suppressed"));
      row.put("status", Status.label(r == null ? null : (String) r.get("status")));
      row.put("status_css", Status.css(r == null ? null : (String) r.get("status")));
      rows.add(row);
    }
    model.addAttribute("year", y);
    model.addAttribute("first", first);
    model.addAttribute("last", last);
    model.addAttribute("area", a);
    model.addAttribute("areas", List.copyOf(areas.keySet()));
    Map<String, String> names = new LinkedHashMap<>(feed.areaNames());
    areas.keySet().forEach(code -> names.putIfAbsent(code, code));
    model.addAttribute("names", names);
    model.addAttribute("county", county);
    model.addAttribute("rows", rows);
    model.addAttribute("files", HomeFiles.list(settings.wdsHome().publicFeed()));
    return "serve/public";
  }

  /**
   * A file of the public feed's folder: its tables, and the public reports under {@code reports/}.
   */
  @GetMapping("/public/feed")
  public ResponseEntity<Resource> file(@RequestParam String file) {
    return OperationsController.send(settings.wdsHome().publicFeed(), file);
  }
}
