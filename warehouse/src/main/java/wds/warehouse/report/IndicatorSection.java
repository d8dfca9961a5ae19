package wds.warehouse.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import wds.warehouse.indicator.Unit;
import wds.warehouse.warning.LinearTrend;

/**
 * One indicator as a report's domain chapter states it: its catalogue entry, the county's rows from
 * the baseline year to the report year (all, urban and rural, women and men), the townships' rows
 * of the report year, the small-number notes of the warehouse and, before the final year, the value
 * its trend projects to the final year.
 *
 * @param extracts the source extracts of its numerator and denominator ({@code health/births})
 * @param smallNumbers the warehouse's small_numbers messages on the county's rows of the year
 */
public record IndicatorSection(
    String code,
    String nameZh,
    Domain domain,
    Unit unit,
    String targetOp,
    Double target,
    Double tolerance,
    String basis,
    boolean bySex,
    String numeratorDefinition,
    String denominatorDefinition,
    List<String> extracts,
    List<ReportRow> rows,
    List<String> smallNumbers,
    int year,
    int baselineYear,
    int finalYear) {

  public IndicatorSection {
    extracts = List.copyOf(extracts);
    rows = List.copyOf(rows);
    smallNumbers = List.copyOf(smallNumbers);
  }

  /** Whether the plan sets this indicator a target (anything but {@code monitor}). */
  public boolean hasTarget() {
    return !"monitor".equals(targetOp);
  }

  /** The county's rows of one residence and sex, oldest year first. */
  public List<ReportRow> series(String residence, String sex) {
    return rows.stream()
        .filter(r -> "county".equals(r.areaLevel()))
        .filter(r -> r.residence().equals(residence) && r.sex().equals(sex))
        .sorted(Comparator.comparingInt(ReportRow::year))
        .toList();
  }

  /** The county's headline rows (all, sex 0), oldest year first. */
  public List<ReportRow> trend() {
    return series("all", "0");
  }

  /** The county's headline row of {@code year}, if the warehouse has one. */
  public Optional<ReportRow> county(int year) {
    return trend().stream().filter(r -> r.year() == year).findFirst();
  }

  /** The county row of the report year in one residence and sex. */
  public Optional<ReportRow> county(String residence, String sex) {
    return series(residence, sex).stream().filter(r -> r.year() == year).findFirst();
  }

  public Optional<ReportRow> current() {
    return county(year);
  }

  public Optional<ReportRow> previous() {
    return county(year - 1);
  }

  public Optional<ReportRow> baseline() {
    return county(baselineYear);
  }

  /** Whether the warehouse has urban and rural rows for it. */
  public boolean byResidence() {
    return !series("urban", "0").isEmpty();
  }

  /** The townships' rows of the report year, in area order. */
  public List<ReportRow> townships() {
    return rows.stream().filter(r -> "township".equals(r.areaLevel())).toList();
  }

  /** The status of the county row of the year; {@code no_data} without one. */
  public String status() {
    return current().map(ReportRow::status).orElse("no_data");
  }

  /** The county value of the year, null without one. */
  public Double value() {
    return current().map(ReportRow::value).orElse(null);
  }

  /** How far the value is from its target when not met, in the unit; else null. */
  public Double gap() {
    if (!"not_met".equals(status())) {
      return null;
    }
    return ReportPhrases.gapValue(
        targetOp, target, tolerance, baseline().map(ReportRow::value).orElse(null), value());
  }

  /**
   * The value the least-squares trend of the county's values since the baseline year projects to
   * the final year (three or more values, as the warnings project); null in the final year or with
   * fewer values.
   */
  public Double projected() {
    if (year >= finalYear) {
      return null;
    }
    List<double[]> points = new ArrayList<>();
    for (ReportRow r : trend()) {
      if (r.year() >= baselineYear && r.year() <= year && r.value() != null) {
        points.add(new double[] {r.year(), r.value()});
      }
    }
    return points.size() < 3 ? null : LinearTrend.fit(points).at(finalYear);
  }
}
