package wds.jobs.serve;

import java.nio.file.Path;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import wds.jobs.WdsHome;
import wds.jobs.metrics.Freshness;
import wds.jobs.metrics.FreshnessPolicy;
import wds.jobs.metrics.SourceFreshness;
import wds.schemas.CountyClock;
import wds.schemas.SchemaCatalog;
import wds.warehouse.publish.Snapshots;

/**
 * The operators' pages (login required): the data page (the last 30 nights' deliveries per source,
 * freshness, the schedule's next run) and the downloads (reports, lake, public feed).
 */
@Controller
public class OperationsController {

  private final Dashboard dashboard;
  private final ServeSettings settings;
  private final WdsHome home;

  public OperationsController(Dashboard dashboard, ServeSettings settings) {
    this.dashboard = dashboard;
    this.settings = settings;
    this.home = settings.wdsHome();
  }

  @GetMapping("/data")
  public String data(Model model) {
    return dashboard.read(
        (c, years, name) -> {
          Map<String, List<Map<String, Object>>> bySource = new LinkedHashMap<>();
          for (Map<String, Object> row : Rows.query(c, "deliveries")) {
            bySource
                .computeIfAbsent((String) row.get("source"), k -> new java.util.ArrayList<>())
                .add(row);
          }
          model.addAttribute("years", years);
          model.addAttribute("snapshot", name);
          model.addAttribute("deliveries", bySource);
          model.addAttribute("freshness", freshness());
          model.addAttribute("nextRun", nextRun());
          model.addAttribute("cron", settings.schedule().cron());
          return "serve/data";
        });
  }

  private List<SourceFreshness> freshness() throws SQLException {
    Path current = new Snapshots(home.snapshots()).current().orElse(home.snapshots());
    return Freshness.check(
        current, SchemaCatalog.load().sources(), FreshnessPolicy.defaults(), CountyClock.today());
  }

  /** The next time the nightly schedule fires, county time; null for an unreadable expression. */
  private ZonedDateTime nextRun() {
    try {
      CronExpression cron = new CronExpression(settings.schedule().cron());
      ZoneId zone = ZoneId.of(settings.schedule().zone());
      cron.setTimeZone(TimeZone.getTimeZone(zone));
      Date next = cron.getNextValidTimeAfter(new Date());
      return next == null ? null : next.toInstant().atZone(zone);
    } catch (ParseException e) {
      return null;
    }
  }

  @GetMapping("/downloads")
  public String downloads(Model model) {
    model.addAttribute("reports", HomeFiles.list(reports()));
    model.addAttribute("lake", HomeFiles.list(home.lake()));
    model.addAttribute("feed", HomeFiles.list(home.publicFeed()));
    return "serve/downloads";
  }

  @GetMapping("/downloads/report")
  public ResponseEntity<Resource> report(@RequestParam String file) {
    return send(reports(), file);
  }

  @GetMapping("/downloads/lake")
  public ResponseEntity<Resource> lake(@RequestParam String file) {
    return send(home.lake(), file);
  }

  private Path reports() {
    return home.root().resolve("reports").resolve("current");
  }

  /** A file of {@code folder} as an attachment; 404 for anything that is not one there. */
  static ResponseEntity<Resource> send(Path folder, String relative) {
    Path file =
        HomeFiles.resolve(folder, relative).orElseThrow(() -> new NotFound("没有文件 " + relative));
    String name = file.getFileName().toString();
    MediaType type =
        name.endsWith(".html")
            ? MediaType.TEXT_HTML
            : name.endsWith(".json")
                ? MediaType.APPLICATION_JSON
                : name.endsWith(".csv")
                    ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                    : MediaType.APPLICATION_OCTET_STREAM;
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name, java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(new FileSystemResource(file));
  }
}
