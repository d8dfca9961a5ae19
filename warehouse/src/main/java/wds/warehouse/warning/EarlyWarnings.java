package wds.warehouse.warning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import wds.warehouse.Plan;
import wds.warehouse.indicator.Area;
import wds.warehouse.indicator.Basis;
import wds.warehouse.indicator.CatalogueEntry;
import wds.warehouse.indicator.Cell;
import wds.warehouse.indicator.IndicatorCatalogue;
import wds.warehouse.indicator.IndicatorValue;
import wds.warehouse.indicator.Interval;
import wds.warehouse.indicator.IntervalMethod;
import wds.warehouse.indicator.Status;
import wds.warehouse.indicator.Target;
import wds.warehouse.indicator.TargetOp;
import wds.warehouse.indicator.Unit;

/**
 * The early-warning rules of warehouse.md, applied to the series of indicator values (one series
 * per indicator, area, residence and sex): projected_miss, volatile, not_met, small_numbers and
 * no_data.
 *
 * <p>A provisional value (a year still being delivered, H07 with infants pending) raises only
 * small_numbers and no_data: two weeks of a year are not a trend, a swing or a miss. A projection
 * is made only for years before the plan's final year; in the final year the observed value stands
 * (not_met says whether it misses). An indicator without intervals (counts, years, ratios) is
 * judged volatile at county level only, on the 20% rule alone: a township's handful of marriages
 * swings a mean age by a third without meaning anything, and there is no interval to say so.
 */
public final class EarlyWarnings {

  /** A change larger than this share of the previous value may be volatile. */
  static final double VOLATILE_CHANGE = 0.20;

  /** Fewer events than this make a small number. */
  static final double SMALL_EVENTS = 5;

  /** A rate per 100,000 on a smaller denominator is a small number. */
  static final double SMALL_PER_100K_DENOMINATOR = 10_000;

  /** A trend needs this many points since the baseline. */
  static final int TREND_POINTS = 3;

  private final Plan plan;
  private final IndicatorCatalogue catalogue;
  private final Map<String, Area> areas;

  /**
   * @param areas the county and townships, for their names in messages and their levels
   */
  public EarlyWarnings(Plan plan, IndicatorCatalogue catalogue, List<Area> areas) {
    this.plan = plan;
    this.catalogue = catalogue;
    Map<String, Area> byCode = new HashMap<>();
    areas.forEach(a -> byCode.put(a.code(), a));
    this.areas = Map.copyOf(byCode);
  }

  /** The warnings of all values, by indicator, series and year. */
  public List<IndicatorWarning> evaluate(List<IndicatorValue> values) {
    Map<List<String>, Map<Integer, IndicatorValue>> series = new LinkedHashMap<>();
    for (IndicatorValue v : values) {
      Cell c = v.cell();
      series
          .computeIfAbsent(
              List.of(v.code(), c.areaCode(), c.residence(), c.sex()), k -> new HashMap<>())
          .put(c.year(), v);
    }
    List<IndicatorWarning> warnings = new ArrayList<>();
    for (IndicatorValue v : values) {
      Cell c = v.cell();
      Map<Integer, IndicatorValue> years =
          series.get(List.of(v.code(), c.areaCode(), c.residence(), c.sex()));
      CatalogueEntry entry = catalogue.get(v.code());
      Area area = areas.get(c.areaCode());
      WarningText text = new WarningText(entry, c, area == null ? c.areaCode() : area.name());
      Double baseline = value(years.get(plan.baselineYear()));
      if (!v.provisional()) {
        projectedMiss(entry, v, years, baseline, text).ifPresent(warnings::add);
        volatility(entry, v, years.get(c.year() - 1), text).ifPresent(warnings::add);
        notMet(entry, v, baseline, text).ifPresent(warnings::add);
      }
      smallNumbers(entry, v, years, text).ifPresent(warnings::add);
      noData(entry, v, text).ifPresent(warnings::add);
    }
    return warnings;
  }

  private Optional<IndicatorWarning> projectedMiss(
      CatalogueEntry entry,
      IndicatorValue v,
      Map<Integer, IndicatorValue> years,
      Double baseline,
      WarningText text) {
    Target target = entry.target();
    int year = v.cell().year();
    if (target.op() == TargetOp.MONITOR
        || v.value() == null
        || year >= plan.finalYear()
        || (target.op().relative() && baseline == null)) {
      return Optional.empty();
    }
    List<double[]> points = new ArrayList<>();
    for (int y = plan.baselineYear(); y <= year; y++) {
      Double value = value(years.get(y));
      if (value != null) {
        points.add(new double[] {y, value});
      }
    }
    if (points.size() < TREND_POINTS) {
      return Optional.empty();
    }
    LinearTrend trend = LinearTrend.fit(points);
    double projected = trend.at(plan.finalYear());
    double reference = target.op().relative() ? baseline : target.value().doubleValue();
    boolean misses =
        switch (target.op()) {
          case LT -> projected >= reference;
          case GE -> projected < reference;
          case APPROX -> Math.abs(projected - reference) > target.tolerance().doubleValue();
          case UP -> projected <= reference;
          case DOWN -> projected >= reference;
          case MONITOR -> false;
        };
    if (!misses) {
      return Optional.empty();
    }
    String message =
        text.subject()
            + "按"
            + plan.baselineYear()
            + "—"
            + year
            + "年趋势（每年"
            + (trend.slope() >= 0 ? "+" : "")
            + text.value(trend.slope())
            + "）预计"
            + plan.finalYear()
            + "年"
            + text.sexLabel()
            + "为"
            + text.value(projected)
            + "，"
            + text.miss(target, plan.baselineYear(), baseline)
            + "，完成目标有困难";
    return Optional.of(
        warning(entry, v, WarningKind.PROJECTED_MISS, message, baseline, null, projected, null));
  }

  private Optional<IndicatorWarning> volatility(
      CatalogueEntry entry, IndicatorValue v, IndicatorValue previous, WarningText text) {
    if (v.value() == null || previous == null || previous.value() == null) {
      return Optional.empty();
    }
    boolean withoutIntervals = entry.unit().interval() == IntervalMethod.NONE;
    Area area = areas.get(v.cell().areaCode());
    if (withoutIntervals && (area == null || !area.county())) {
      return Optional.empty();
    }
    double change = v.value() - previous.value();
    if (!(Math.abs(change) > VOLATILE_CHANGE * Math.abs(previous.value()))) {
      return Optional.empty();
    }
    Interval now = v.interval();
    Interval before = previous.interval();
    boolean intervals = !withoutIntervals && now != null && before != null;
    if (intervals && now.overlaps(before)) {
      return Optional.empty();
    }
    String message =
        text.subject()
            + text.when(v.cell().year())
            + "为"
            + text.value(v.value())
            + "，较"
            + (v.cell().year() - 1)
            + "年的"
            + text.value(previous.value())
            + (previous.value() == 0
                ? "有变化"
                : "变化" + WarningText.percent(change / previous.value()))
            + "，波动较大"
            + (intervals ? "（两年95%置信区间不重叠）" : "（超过上年值的20%）");
    return Optional.of(
        warning(entry, v, WarningKind.VOLATILE, message, null, previous.value(), null, null));
  }

  private Optional<IndicatorWarning> notMet(
      CatalogueEntry entry, IndicatorValue v, Double baseline, WarningText text) {
    if (v.status() != Status.NOT_MET) {
      return Optional.empty();
    }
    String message =
        text.subject()
            + text.when(v.cell().year())
            + "为"
            + text.value(v.value())
            + "，"
            + text.miss(entry.target(), plan.baselineYear(), baseline);
    return Optional.of(warning(entry, v, WarningKind.NOT_MET, message, baseline, null, null, null));
  }

  private Optional<IndicatorWarning> smallNumbers(
      CatalogueEntry entry,
      IndicatorValue v,
      Map<Integer, IndicatorValue> years,
      WarningText text) {
    if (v.value() == null) {
      return Optional.empty();
    }
    boolean fewEvents = v.events() != null && v.events() < SMALL_EVENTS;
    boolean smallBase =
        entry.unit() == Unit.PER_100K
            && v.denominator() != null
            && v.denominator() < SMALL_PER_100K_DENOMINATOR;
    if (!fewEvents && !smallBase) {
      return Optional.empty();
    }
    int year = v.cell().year();
    double pooledNumerator = 0;
    double pooledDenominator = 0;
    for (int y = year - 2; y <= year; y++) {
      IndicatorValue p = years.get(y);
      if (p != null && p.value() != null && p.numerator() != null) {
        pooledNumerator += p.numerator();
        pooledDenominator += p.denominator() == null ? 0 : p.denominator();
      }
    }
    double factor = entry.unit().factor().doubleValue();
    boolean ratio = v.denominator() != null;
    Double pooledValue =
        !ratio
            ? pooledNumerator
            : pooledDenominator > 0 ? pooledNumerator * factor / pooledDenominator : null;
    IntervalMethod method = entry.unit().interval();
    Interval pooledInterval =
        ratio && pooledValue != null && v.interval() != null
            ? Interval.of(method, pooledNumerator, pooledDenominator, factor)
            : null;
    StringBuilder message =
        new StringBuilder()
            .append(text.subject())
            .append(text.when(year))
            .append("为")
            .append(text.value(v.value()))
            .append("，仅基于")
            .append(WarningText.number(fewEvents ? v.events() : v.numerator()))
            .append(fewEvents ? "例" : "例（分母" + WarningText.number(v.denominator()) + "，不足1万）")
            .append("，数值不稳定，不宜单独解读");
    if (v.interval() != null) {
      message.append("：").append(text.interval(v.interval()));
    }
    message.append("；").append(year - 2).append("—").append(year).append("年三年合计");
    if (ratio && pooledValue != null) {
      message
          .append("为")
          .append(text.value(pooledValue))
          .append("（")
          .append(WarningText.number(pooledNumerator))
          .append("/")
          .append(WarningText.number(pooledDenominator));
      if (pooledInterval != null) {
        message.append("，").append(text.interval(pooledInterval));
      }
      message.append("）");
    } else {
      message.append(WarningText.number(pooledNumerator));
    }
    return Optional.of(
        new IndicatorWarning(
            v.code(),
            v.cell(),
            WarningKind.SMALL_NUMBERS,
            message.toString(),
            v.value(),
            v.interval() == null ? null : v.interval().low(),
            v.interval() == null ? null : v.interval().high(),
            v.targetOp().code(),
            v.target(),
            null,
            null,
            null,
            pooledNumerator,
            ratio ? pooledDenominator : null,
            pooledValue));
  }

  private Optional<IndicatorWarning> noData(
      CatalogueEntry entry, IndicatorValue v, WarningText text) {
    Cell c = v.cell();
    if (v.status() != Status.NO_DATA
        || v.sourcesDelivered()
        || !"all".equals(c.residence())
        || !"0".equals(c.sex())) {
      return Optional.empty();
    }
    String message =
        text.subject()
            + c.year()
            + "年无数据："
            + (entry.basis() == Basis.REPORTED ? "责任部门未报送该年数据" : "数据来源未提供该年记录");
    return Optional.of(warning(entry, v, WarningKind.NO_DATA, message, null, null, null, null));
  }

  private static IndicatorWarning warning(
      CatalogueEntry entry,
      IndicatorValue v,
      WarningKind kind,
      String message,
      Double baseline,
      Double previous,
      Double projected,
      Double pooled) {
    return new IndicatorWarning(
        v.code(),
        v.cell(),
        kind,
        message,
        v.value(),
        v.interval() == null ? null : v.interval().low(),
        v.interval() == null ? null : v.interval().high(),
        v.targetOp().code(),
        v.target(),
        baseline,
        previous,
        projected,
        null,
        null,
        pooled);
  }

  private static Double value(IndicatorValue v) {
    return v == null ? null : v.value();
  }
}
