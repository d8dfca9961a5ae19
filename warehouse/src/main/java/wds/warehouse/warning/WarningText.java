package wds.warehouse.warning;

import java.math.BigDecimal;
import java.util.Locale;
import wds.warehouse.indicator.CatalogueEntry;
import wds.warehouse.indicator.Cell;
import wds.warehouse.indicator.Interval;
import wds.warehouse.indicator.Target;
import wds.warehouse.indicator.Unit;

/**
 * The Chinese wording of warnings, as a county official reads them: "呼图壁县孕产妇系统管理率2024年为
 * 88.2%，低于目标90%".
 */
final class WarningText {

  private final CatalogueEntry entry;
  private final Cell cell;
  private final String areaName;

  WarningText(CatalogueEntry entry, Cell cell, String areaName) {
    this.entry = entry;
    this.cell = cell;
    this.areaName = areaName;
  }

  /** "呼图壁县农村孕产妇系统管理率": the area, the residence where split, the indicator. */
  String subject() {
    String residence =
        switch (cell.residence()) {
          case "urban" -> "城镇";
          case "rural" -> "农村";
          default -> "";
        };
    return areaName + residence + entry.nameZh();
  }

  /** "2024年" and, for an indicator by sex, "女性" / "男性" / "合计". */
  String when(int year) {
    return year + "年" + sexLabel();
  }

  /** "女性", "男性" or "合计" for an indicator by sex; empty otherwise. */
  String sexLabel() {
    if (!entry.bySex()) {
      return "";
    }
    return switch (cell.sex()) {
      case "2" -> "女性";
      case "1" -> "男性";
      default -> "合计";
    };
  }

  String value(double value) {
    return entry.unit().format(value);
  }

  /** How a value misses its target: "低于目标90%", "未高于2020年基线值85.0%". */
  String miss(Target target, int baselineYear, Double baseline) {
    Unit unit = entry.unit();
    return switch (target.op()) {
      case GE -> "低于目标" + unit.format(target.value());
      case LT -> "未低于目标" + unit.format(target.value());
      case APPROX ->
          "不在目标" + unit.format(target.value()) + "±" + tolerance(target.tolerance()) + "范围内";
      case UP -> "未高于" + baselineYear + "年基线值" + value(baseline);
      case DOWN -> "未低于" + baselineYear + "年基线值" + value(baseline);
      case MONITOR -> throw new IllegalStateException("monitor has no target to miss");
    };
  }

  String interval(Interval interval) {
    return "95%置信区间"
        + entry.unit().format(interval.low())
        + "—"
        + entry.unit().format(interval.high());
  }

  private String tolerance(BigDecimal tolerance) {
    String plain = tolerance.stripTrailingZeros().toPlainString();
    return entry.unit() == Unit.PERCENT ? plain + "个百分点" : entry.unit().format(tolerance);
  }

  static String percent(double change) {
    return String.format(Locale.ROOT, "%+.1f%%", change * 100);
  }

  static String number(double value) {
    return value == Math.rint(value)
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
