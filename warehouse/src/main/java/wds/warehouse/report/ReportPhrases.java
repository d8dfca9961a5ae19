package wds.warehouse.report;

import java.math.BigDecimal;
import java.util.Locale;
import wds.warehouse.indicator.Unit;

/**
 * How a report words a change or a gap in an indicator's unit: percentage points for percentages,
 * the change per 100,000 for rates, a plain difference for counts ({@code reports.md}).
 */
public final class ReportPhrases {

  private ReportPhrases() {}

  /** "比上年提高0.8个百分点", "比上年下降3.2/10万", "与上年持平". */
  public static String change(Unit unit, double now, double before) {
    return change(unit, now, before, "上年");
  }

  /** The change on an earlier value named {@code than}: "比2020年提高0.8个百分点". */
  public static String change(Unit unit, double now, double before, String than) {
    double difference = now - before;
    String amount = amount(unit, Math.abs(difference));
    if (amount.equals(amount(unit, 0))) {
      return "与" + than + "持平";
    }
    return (difference > 0 ? "比" + than + "提高" : "比" + than + "下降") + amount;
  }

  /**
   * "距目标仍差2.5个百分点"; a gap that rounds to nothing (a strict target met with equality, such as
   * "高于基线值" with the baseline's own value) reads "与目标基本持平，尚未越过目标", never "仍差0.0".
   */
  public static String gap(Unit unit, double gap) {
    String amount = amount(unit, gap);
    return gap <= 0 || amount.equals(amount(unit, 0)) ? "与目标基本持平，尚未越过目标" : "距目标仍差" + amount;
  }

  /** A difference in the unit, rounded for reading: "0.8个百分点", "3.2/10万", "120". */
  public static String amount(Unit unit, double difference) {
    return unit == Unit.PERCENT
        ? String.format(Locale.ROOT, "%.1f个百分点", difference)
        : unit.format(difference);
  }

  /** The target as a sentence part: "目标为不低于90%", "目标为高于2020年基线值"; empty for monitor. */
  public static String target(Unit unit, String op, Double target, Double tolerance, int baseline) {
    return switch (op) {
      case "ge" -> "目标为不低于" + plan(unit, target);
      case "lt" -> "目标为低于" + plan(unit, target);
      case "approx" -> "目标为" + plan(unit, target) + "左右（±" + amount(unit, tolerance) + "）";
      case "up" -> "目标为高于" + baseline + "年基线值";
      case "down" -> "目标为低于" + baseline + "年基线值";
      default -> "";
    };
  }

  /**
   * How far {@code value} is from its target when it misses it, in the unit ({@code ge}: target −
   * value; {@code lt}: value − target; {@code approx}: the distance to the band; {@code up}/{@code
   * down}: the distance to the baseline value); null when there is no gap to state.
   */
  public static Double gapValue(
      String op, Double target, Double tolerance, Double baseline, Double value) {
    if (value == null) {
      return null;
    }
    return switch (op) {
      case "ge" -> target - value;
      case "lt" -> value - target;
      case "approx" ->
          value < target - tolerance ? target - tolerance - value : value - target - tolerance;
      case "up" -> baseline == null ? null : baseline - value;
      case "down" -> baseline == null ? null : value - baseline;
      default -> null;
    };
  }

  /** A target as the plan writes it: 90%, 16/10万. */
  private static String plan(Unit unit, Double target) {
    return unit.format(BigDecimal.valueOf(target));
  }
}
