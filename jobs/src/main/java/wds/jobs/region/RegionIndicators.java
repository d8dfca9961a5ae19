package wds.jobs.region;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wds.warehouse.Plan;
import wds.warehouse.indicator.Aggregate;
import wds.warehouse.indicator.Basis;
import wds.warehouse.indicator.CatalogueEntry;
import wds.warehouse.indicator.Cell;
import wds.warehouse.indicator.IndicatorCatalogue;
import wds.warehouse.indicator.IndicatorDefinition;
import wds.warehouse.indicator.IndicatorDefinitions;
import wds.warehouse.indicator.IndicatorValue;
import wds.warehouse.indicator.Interval;
import wds.warehouse.indicator.IntervalMethod;
import wds.warehouse.indicator.Status;
import wds.warehouse.indicator.Target;
import wds.warehouse.indicator.TargetOp;

/**
 * The indicator values of an area above the county (a prefecture, a province) from its counties'
 * rows: numerators and denominators summed, never values averaged, then the value in the unit, the
 * interval, the status against the plan and the provisional flag as the county engine gives them. A
 * mean (F01's age at first marriage) sums its totals and its counts, which are its numerator and
 * denominator already; a part that is itself a mean (C04's mean wages) comes as its counties'
 * totals and headcounts ({@link MeanTotals}).
 */
public final class RegionIndicators {

  /** One county row of {@code indicator_value}, as the region needs it. */
  public record CountyRow(
      String county,
      String code,
      Cell cell,
      Double numerator,
      Double denominator,
      Double value,
      boolean provisional) {}

  /** A mean part's total and rows in one county cell (C04: wage total and headcount). */
  public record MeanTotals(double total, long rows) {}

  private final Plan plan;
  private final IndicatorCatalogue catalogue;
  private final IndicatorDefinitions definitions;

  public RegionIndicators(Plan plan, IndicatorDefinitions definitions) {
    this.plan = plan;
    this.catalogue = plan.indicators();
    this.definitions = definitions;
  }

  public IndicatorCatalogue catalogue() {
    return catalogue;
  }

  /** The definition of a computed indicator, null for a reported one. */
  public IndicatorDefinition definition(String code) {
    CatalogueEntry entry = catalogue.get(code);
    return entry.basis() == Basis.COMPUTED ? definitions.load(entry) : null;
  }

  /**
   * Whether a computed indicator has a part that is a mean (its counties' means cannot be summed).
   */
  public static boolean meanParts(IndicatorDefinition def) {
    return def != null
        && (def.numerator().aggregate().kind() == Aggregate.Kind.MEAN
            || (def.denominator() != null
                && def.denominator().aggregate().kind() == Aggregate.Kind.MEAN));
  }

  /**
   * The values of one area from the rows of its counties.
   *
   * @param area the area's 12-digit code
   * @param counties the codes of its counties
   * @param rows the county rows of every county of the region
   * @param means per indicator with mean parts, per county and cell: the numerator's and the
   *     denominator's totals
   */
  public List<IndicatorValue> area(
      String area,
      List<String> counties,
      List<CountyRow> rows,
      Map<String, Map<String, Map<Cell, MeanTotals[]>>> means) {
    // indicator -> cell (in the area) -> the rows of its counties
    Map<String, Map<Cell, Map<String, CountyRow>>> byCell = new LinkedHashMap<>();
    for (CountyRow r : rows) {
      if (!counties.contains(r.county())) {
        continue;
      }
      Cell cell = new Cell(r.cell().year(), area, r.cell().residence(), r.cell().sex());
      byCell
          .computeIfAbsent(r.code(), k -> new LinkedHashMap<>())
          .computeIfAbsent(cell, k -> new LinkedHashMap<>())
          .put(r.county(), r);
    }
    List<IndicatorValue> values = new ArrayList<>();
    for (CatalogueEntry entry : catalogue.entries()) {
      Map<Cell, Map<String, CountyRow>> cells = byCell.getOrDefault(entry.code(), Map.of());
      IndicatorDefinition def = definition(entry.code());
      List<IndicatorValue> raw = new ArrayList<>();
      for (var e : cells.entrySet()) {
        raw.add(value(entry, def, e.getKey(), counties, e.getValue(), means.get(entry.code())));
      }
      values.addAll(judge(entry, raw));
    }
    return values;
  }

  private IndicatorValue value(
      CatalogueEntry entry,
      IndicatorDefinition def,
      Cell cell,
      List<String> counties,
      Map<String, CountyRow> rows,
      Map<String, Map<Cell, MeanTotals[]>> means) {
    double factor = def == null ? entry.unit().factor().doubleValue() : def.factor().doubleValue();
    IntervalMethod method = def == null ? entry.unit().interval() : def.interval();
    boolean provisional = rows.values().stream().anyMatch(CountyRow::provisional);
    boolean delivered = rows.values().stream().anyMatch(r -> r.value() != null);
    Double num = null;
    Double den = null;
    BigDecimal value = null;
    if (def != null && meanParts(def)) {
      // C04: the region's mean wages from the counties' wage totals and headcounts
      double[] sums = new double[4];
      for (String county : counties) {
        MeanTotals[] t =
            means == null
                ? null
                : means
                    .getOrDefault(county, Map.of())
                    .get(new Cell(cell.year(), county, cell.residence(), cell.sex()));
        if (t != null) {
          sums[0] += t[0].total();
          sums[1] += t[0].rows();
          sums[2] += t[1].total();
          sums[3] += t[1].rows();
        }
      }
      num = sums[1] > 0 ? sums[0] / sums[1] : null;
      den = sums[3] > 0 ? sums[2] / sums[3] : null;
      if (delivered && num != null && den != null && den != 0) {
        value = ratio(num, den, def.factor());
      }
    } else if (entry.basis() == Basis.REPORTED) {
      // summed only where every county returned both figures; a missing return leaves no data
      boolean complete =
          counties.stream().allMatch(c -> rows.containsKey(c) && rows.get(c).numerator() != null);
      boolean ratios = rows.values().stream().allMatch(r -> r.denominator() != null);
      if (complete) {
        num = rows.values().stream().mapToDouble(CountyRow::numerator).sum();
        if (ratios) {
          den = rows.values().stream().mapToDouble(CountyRow::denominator).sum();
          value = den != 0 ? ratio(num, den, entry.unit().factor()) : null;
        } else if (rows.values().stream().allMatch(r -> r.denominator() == null)) {
          value = BigDecimal.valueOf(num);
        }
      }
      delivered = complete;
    } else {
      boolean count = def.denominator() == null;
      for (CountyRow r : rows.values()) {
        if (r.numerator() != null) {
          num = (num == null ? 0 : num) + r.numerator();
        }
        if (r.denominator() != null) {
          den = (den == null ? 0 : den) + r.denominator();
        }
      }
      if (delivered && count && num != null) {
        value = BigDecimal.valueOf(num).multiply(def.factor());
      } else if (delivered && num != null && den != null && den != 0) {
        value = ratio(num, den, def.factor());
      }
    }
    Interval interval =
        value == null || num == null || den == null || meanParts(def)
            ? null
            : Interval.of(method, num, den, factor);
    if (interval != null && num > den && method == IntervalMethod.WILSON) {
      interval = null;
    }
    Double events =
        def == null
            ? num
            : def.numerator().aggregate().counts()
                ? num
                : def.denominator() != null && def.denominator().aggregate().counts() ? den : null;
    Target target = entry.target();
    return new IndicatorValue(
        entry.code(),
        cell,
        num,
        den,
        value == null ? null : value.doubleValue(),
        interval,
        target.op(),
        target.value() == null ? null : target.value().doubleValue(),
        Status.NO_DATA,
        entry.basis(),
        provisional,
        events,
        delivered);
  }

  private static BigDecimal ratio(double num, double den, BigDecimal factor) {
    return BigDecimal.valueOf(num)
        .multiply(factor)
        .divide(BigDecimal.valueOf(den), MathContext.DECIMAL128);
  }

  /** The status of each value, as the county engine judges it (up/down against the baseline). */
  private List<IndicatorValue> judge(CatalogueEntry entry, List<IndicatorValue> raw) {
    Map<List<String>, BigDecimal> baseline = new HashMap<>();
    for (IndicatorValue v : raw) {
      if (v.cell().year() == plan.baselineYear() && v.value() != null) {
        baseline.put(series(v.cell()), BigDecimal.valueOf(v.value()));
      }
    }
    Target target = entry.target();
    List<IndicatorValue> judged = new ArrayList<>();
    for (IndicatorValue v : raw) {
      Status status;
      if (v.value() == null) {
        status = Status.NO_DATA;
      } else if (target.op() == TargetOp.MONITOR) {
        status = Status.NO_TARGET;
      } else if (target.op().relative()) {
        BigDecimal base = baseline.get(series(v.cell()));
        status =
            v.cell().year() == plan.baselineYear() || base == null
                ? Status.NO_TARGET
                : target.op().meets(BigDecimal.valueOf(v.value()), base, target.tolerance())
                    ? Status.MET
                    : Status.NOT_MET;
      } else {
        status =
            target.op().meets(BigDecimal.valueOf(v.value()), target.value(), target.tolerance())
                ? Status.MET
                : Status.NOT_MET;
      }
      judged.add(
          new IndicatorValue(
              v.code(),
              v.cell(),
              v.numerator(),
              v.denominator(),
              v.value(),
              v.interval(),
              v.targetOp(),
              v.target(),
              status,
              v.basis(),
              v.provisional(),
              v.events(),
              v.sourcesDelivered()));
    }
    return judged;
  }

  private static List<String> series(Cell cell) {
    return List.of(cell.areaCode(), cell.residence(), cell.sex());
  }
}
