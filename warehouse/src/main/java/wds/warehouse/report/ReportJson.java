package wds.warehouse.report;

import java.io.IOException;
import java.io.OutputStream;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code report.json}: every number a report states, as {@code reports.md} defines it: the plan,
 * kind, year, snapshot and version; the attainment counts of the county and by domain; one object
 * per indicator row the report states; the ranked digest. Numbers are the warehouse's exact values.
 */
public final class ReportJson {

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ReportJson() {}

  /** The report as a JSON tree. */
  public static ObjectNode of(Report report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("plan", report.years().planCode());
    root.put("plan_name", report.planName());
    root.put("kind", report.kind().code());
    root.put("year", report.year());
    root.put("snapshot", report.snapshot());
    root.put("public", report.publicVersion());
    ObjectNode attainment = counts(root.putObject("attainment"), report.attainment().county());
    ArrayNode domains = attainment.putArray("domains");
    for (DomainAttainment d : report.attainment().domains()) {
      ObjectNode domain = domains.addObject();
      domain.put("domain", d.domain());
      domain.put("title", d.title());
      counts(domain, d.attainment());
    }
    ArrayNode rows = root.putArray("indicators");
    for (ReportRow r : report.rows()) {
      ObjectNode row = rows.addObject();
      row.put("indicator_code", r.indicatorCode());
      row.put("year", r.year());
      row.put("area_code", r.areaCode());
      row.put("residence", r.residence());
      row.put("sex", r.sex());
      row.put("value", r.value());
      row.put("ci_low", r.ciLow());
      row.put("ci_high", r.ciHigh());
      row.put("status", r.status());
      row.put("provisional", r.provisional());
      if (report.publicVersion()) {
        row.put("suppressed", r.suppressed());
      }
    }
    ArrayNode digest = root.putArray("digest");
    for (DigestEntry e : report.digest().entries()) {
      ObjectNode entry = digest.addObject();
      entry.put("rank", e.rank());
      entry.put("indicator_code", e.indicatorCode());
      entry.put("class", e.digestClass().name().toLowerCase(java.util.Locale.ROOT));
      ArrayNode kinds = entry.putArray("kinds");
      e.kinds().forEach(kinds::add);
      entry.put("value", e.value());
      entry.put("gap", e.gap());
      ArrayNode areas = entry.putArray("areas");
      e.townshipsNotMet().forEach(a -> areas.add(a.code()));
    }
    return root;
  }

  /** Writes {@code report.json} of the report to {@code out}. */
  public static void write(Report report, OutputStream out) throws IOException {
    JSON.writeValue(out, of(report));
  }

  private static ObjectNode counts(ObjectNode node, Attainment a) {
    node.put("met", a.met());
    node.put("not_met", a.notMet());
    node.put("no_data", a.noData());
    node.put("no_target", a.noTarget());
    node.put("withheld", a.withheld());
    node.put("monitorable", a.monitorable());
    node.put("rate", a.rate());
    return node;
  }
}
