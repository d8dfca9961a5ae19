package wds.jobs.report;

import java.time.format.DateTimeFormatter;
import java.util.List;
import wds.warehouse.report.DigestClass;
import wds.warehouse.report.DigestEntry;
import wds.warehouse.report.Domain;
import wds.warehouse.report.IndicatorSection;
import wds.warehouse.report.Report;
import wds.warehouse.report.ReportFormat;
import wds.warehouse.report.ReportKind;
import wds.warehouse.report.ReportRow;

/**
 * A report as its renderings read it: the {@link Report} with its words ({@link ReportFormat}) and
 * its charts ({@link ReportCharts}) one method away, for the Thymeleaf template and the Word
 * writer.
 */
public final class ReportView {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final Report report;
  private final RenderedParts parts;

  public ReportView(Report report) {
    this(report, new RenderedParts());
  }

  /** The view of a report drawing its charts once per batch ({@link RenderedParts}). */
  ReportView(Report report, RenderedParts parts) {
    this.report = report;
    this.parts = parts;
  }

  public Report getReport() {
    return report;
  }

  public String title() {
    return report.planName() + report.kind().title();
  }

  public String kindTitle() {
    return report.kind().title();
  }

  public boolean midterm() {
    return report.kind() == ReportKind.MIDTERM;
  }

  public boolean finalReport() {
    return report.kind() == ReportKind.FINAL;
  }

  public String snapshotDate() {
    return report.years().asOf() == null ? "" : DATE.format(report.years().asOf());
  }

  public String deliveryDate() {
    return report.latestDelivery() == null ? "" : DATE.format(report.latestDelivery());
  }

  public List<Domain> domains() {
    return List.of(Domain.values());
  }

  public List<IndicatorSection> indicators(Domain d) {
    return report.indicators(d);
  }

  /** The data basis paragraph of 总体情况. */
  public String basis() {
    return "本报告数据来源于"
        + String.join("、", report.departments())
        + "报送的"
        + report.deliveries().size()
        + "类业务数据，截至"
        + deliveryDate()
        + "；经校验剔除不合格记录"
        + String.format("%,d", report.rejectedRows())
        + "条。"
        + (report.years().provisional(report.year()) ? report.year() + "年数据仍在报送中，本报告数值为暂定数。" : "");
  }

  public String attainment() {
    return report.attainment().county().sentence();
  }

  public String rate(wds.warehouse.report.Attainment a) {
    Double rate = a.rate();
    return rate == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f%%", rate);
  }

  public String finding(IndicatorSection s) {
    return ReportFormat.finding(report, s);
  }

  public String value(IndicatorSection s, ReportRow r) {
    return ReportFormat.value(s, r);
  }

  public String current(IndicatorSection s) {
    return ReportFormat.value(s, s.current());
  }

  public String previous(IndicatorSection s) {
    return ReportFormat.value(s, s.previous());
  }

  public String baseline(IndicatorSection s) {
    return ReportFormat.value(s, s.baseline());
  }

  public String interval(IndicatorSection s) {
    return ReportFormat.interval(s, s.current().orElse(null));
  }

  public String interval(IndicatorSection s, ReportRow r) {
    return ReportFormat.interval(s, r);
  }

  public String status(IndicatorSection s) {
    return ReportFormat.status(s.status());
  }

  public String status(String status) {
    return ReportFormat.status(status);
  }

  public String target(IndicatorSection s) {
    return ReportFormat.target(s);
  }

  public String unit(IndicatorSection s) {
    return ReportFormat.unit(s.unit());
  }

  public String attained(IndicatorSection s) {
    return ReportFormat.attained(s);
  }

  public String projected(IndicatorSection s) {
    Double p = s.projected();
    return p == null ? "" : s.unit().format(p);
  }

  public String progress(IndicatorSection s) {
    var now = s.current();
    var base = s.baseline();
    if (now.isEmpty()
        || base.isEmpty()
        || now.get().value() == null
        || base.get().value() == null
        || now.get().withheld()
        || base.get().withheld()) {
      return "";
    }
    return wds.warehouse.report.ReportPhrases.change(
        s.unit(), now.get().value(), base.get().value(), s.baselineYear() + "年");
  }

  /** Whether the section has any value shown to chart. */
  public boolean charted(IndicatorSection s) {
    return s.hasTarget() && s.trend().stream().anyMatch(r -> r.value() != null && !r.withheld());
  }

  public boolean hasTownships(IndicatorSection s) {
    return s.townships().stream().anyMatch(r -> r.value() != null && !r.withheld());
  }

  public String trendChart(IndicatorSection s) {
    return ReportCharts.trend(s, parts);
  }

  public String urbanRuralChart(IndicatorSection s) {
    return ReportCharts.urbanRural(s, parts);
  }

  public String sexChart(IndicatorSection s) {
    return ReportCharts.sexes(s, parts);
  }

  public String townshipChart(IndicatorSection s) {
    return ReportCharts.townships(s, parts);
  }

  /** The digest's entries at risk of missing their target by the final year (mid-term). */
  public List<DigestEntry> atRisk() {
    return report.digest().entries().stream()
        .filter(
            e ->
                e.digestClass() == DigestClass.NOT_MET_AND_PROJECTED_MISS
                    || e.digestClass() == DigestClass.PROJECTED_MISS)
        .toList();
  }

  /** Every indicator with a target, for the final report's end states. */
  public List<IndicatorSection> targets() {
    return report.indicators().stream().filter(IndicatorSection::hasTarget).toList();
  }

  public boolean anyWithheld() {
    return report.publicVersion() && report.rows().stream().anyMatch(ReportRow::withheld);
  }

  public String suppressionNote() {
    return ReportFormat.SUPPRESSION_NOTE;
  }

  public String provisionalNote() {
    return ReportFormat.PROVISIONAL_NOTE;
  }

  public String smallNumbersNote() {
    return ReportFormat.SMALL_NUMBERS_NOTE;
  }

  public String extracts(IndicatorSection s) {
    return s.extracts().isEmpty()
        ? "部门年报（reports/indicator_reports）"
        : String.join("、", s.extracts());
  }

  public String sexLabel(String sex) {
    return switch (sex) {
      case "1" -> "男性";
      case "2" -> "女性";
      default -> "合计";
    };
  }
}
