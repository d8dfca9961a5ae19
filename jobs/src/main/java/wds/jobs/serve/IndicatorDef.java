package wds.jobs.serve;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import wds.warehouse.indicator.Unit;
import wds.warehouse.report.Domain;
import wds.warehouse.report.ReportPhrases;

/**
 * One indicator of the catalogue, as the pages show it: names, unit, target in words, definition.
 */
public record IndicatorDef(
    String code,
    String domain,
    String nameZh,
    Unit unit,
    String targetOp,
    Double target,
    Double tolerance,
    String basis,
    boolean bySex,
    String numerator,
    String denominator) {

  /** The catalogue of the snapshot, in the reports' domain order, then by code. */
  static List<IndicatorDef> catalog(Connection snapshot) throws SQLException {
    return Rows.query(snapshot, "catalog").stream()
        .map(IndicatorDef::of)
        .sorted(
            Comparator.comparing((IndicatorDef d) -> Domain.of(d.domain()))
                .thenComparing(IndicatorDef::code))
        .toList();
  }

  private static IndicatorDef of(Map<String, Object> row) {
    return new IndicatorDef(
        (String) row.get("code"),
        (String) row.get("domain"),
        (String) row.get("name_zh"),
        Unit.of((String) row.get("unit")),
        (String) row.get("target_op"),
        Rows.number(row, "target"),
        Rows.number(row, "tolerance"),
        (String) row.get("basis"),
        Boolean.TRUE.equals(row.get("by_sex")),
        (String) row.get("numerator_definition"),
        (String) row.get("denominator_definition"));
  }

  /** The domain's title: 妇女与健康. */
  public String domainTitle() {
    return Domain.of(domain).title();
  }

  /** The target in words: 目标为不低于90%; 仅作监测 for monitor. */
  public String targetText(int baselineYear) {
    String text = ReportPhrases.target(unit, targetOp, target, tolerance, baselineYear);
    return text.isEmpty() ? "仅作监测" : text.replaceFirst("^目标为", "");
  }

  /** A value in the unit, rounded for reading; "—" for none. */
  public String format(Double value) {
    return value == null ? "—" : unit.format(value);
  }

  /** Whether the unit has a 95% interval (percentages and rates). */
  public boolean hasInterval() {
    return unit.interval() != wds.warehouse.indicator.IntervalMethod.NONE;
  }
}
