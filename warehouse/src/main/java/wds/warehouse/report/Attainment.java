package wds.warehouse.report;

import java.util.Locale;

/**
 * Attainment counts (达标) of a set of indicators, as {@code reports.md} counts them: met, not met,
 * no data, monitored without a target, and (in the public version) withheld by the feed.
 */
public record Attainment(int met, int notMet, int noData, int noTarget, int withheld) {

  /** Nothing counted yet. */
  public static final Attainment NONE = new Attainment(0, 0, 0, 0, 0);

  /** 可监测指标: met + not met. */
  public int monitorable() {
    return met + notMet;
  }

  /** 达标率, exact: met ÷ (met + not met) × 100; null when nothing is monitorable. */
  public Double rate() {
    return monitorable() == 0 ? null : met * 100.0 / monitorable();
  }

  /** These counts with one more indicator of {@code status} (an {@code indicator_value} status). */
  public Attainment plus(String status) {
    return switch (status) {
      case "met" -> new Attainment(met + 1, notMet, noData, noTarget, withheld);
      case "not_met" -> new Attainment(met, notMet + 1, noData, noTarget, withheld);
      case "no_data" -> new Attainment(met, notMet, noData + 1, noTarget, withheld);
      case "no_target" -> new Attainment(met, notMet, noData, noTarget + 1, withheld);
      case "withheld" -> new Attainment(met, notMet, noData, noTarget, withheld + 1);
      default -> throw new IllegalArgumentException("not an indicator status: " + status);
    };
  }

  /**
   * The overall sentence of reports.md, the rate to one decimal: "在可监测的32项指标中，已实现目标24项，
   * 未实现8项；另有6项仅作监测、4项暂无数据。达标率为75.0%。"
   */
  public String sentence() {
    StringBuilder text =
        new StringBuilder("在可监测的")
            .append(monitorable())
            .append("项指标中，已实现目标")
            .append(met)
            .append("项，未实现")
            .append(notMet)
            .append("项");
    StringBuilder others = new StringBuilder();
    if (noTarget > 0) {
      others.append(noTarget).append("项仅作监测");
    }
    if (noData > 0) {
      others.append(others.isEmpty() ? "" : "、").append(noData).append("项暂无数据");
    }
    if (withheld > 0) {
      others.append(others.isEmpty() ? "" : "、").append(withheld).append("项不公开");
    }
    text.append(others.isEmpty() ? "。" : "；另有" + others + "。");
    Double rate = rate();
    text.append(
        rate == null ? "暂无可计算达标率的指标。" : "达标率为" + String.format(Locale.ROOT, "%.1f", rate) + "%。");
    return text.toString();
  }
}
