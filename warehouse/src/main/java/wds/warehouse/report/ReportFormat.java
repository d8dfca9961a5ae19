package wds.warehouse.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import wds.warehouse.indicator.Unit;

/**
 * How every rendering of a report (HTML, Word, the yearbook) words and rounds its numbers, so the
 * three say the same: values in the indicator's unit, a withheld value as "—", provisional values
 * marked 暂定, statuses and targets in words, and each indicator's finding ({@code reports.md}).
 */
public final class ReportFormat {

  /** What a withheld cell shows in the public version. */
  public static final String WITHHELD = "—";

  /** The footnote of the suppression rule, beside every withheld cell's table. */
  public static final String SUPPRESSION_NOTE =
      "“—”为不公开数据：乡镇一级人数、分子或分母为1—4人的单元格不予公开（首要隐匿），" + "并隐匿足够多的其他单元格，使不公开的数值无法由公开的合计推算（次要隐匿）。";

  /** The note on provisional values. */
  public static final String PROVISIONAL_NOTE =
      "标注“暂定”的数值所在年份的数据仍在报送中，数值可能变化；暂定数值不作预警判断（数值较小和无数据提示除外）。";

  /** The note on small numbers. */
  public static final String SMALL_NUMBERS_NOTE =
      "数值基于少量事件（分子少于5例，或每10万人口比率的分母少于1万）时不宜单独解读，" + "报告同时给出95%置信区间和近三年合计数。";

  private ReportFormat() {}

  /** A row's value for reading: "88.2%", "—" when withheld, "无数据", with "（暂定）" when provisional. */
  public static String value(IndicatorSection s, ReportRow r) {
    if (r == null) {
      return "无数据";
    }
    if (r.withheld()) {
      return WITHHELD;
    }
    if (r.value() == null) {
      return "无数据";
    }
    return s.unit().format(r.value()) + (r.provisional() ? "（暂定）" : "");
  }

  /** The value of an optional row. */
  public static String value(IndicatorSection s, Optional<ReportRow> r) {
    return value(s, r.orElse(null));
  }

  /** A row's 95% interval: "85.1—90.3"; empty without one, "—" when withheld. */
  public static String interval(IndicatorSection s, ReportRow r) {
    if (r == null) {
      return "";
    }
    if (r.withheld()) {
      return WITHHELD;
    }
    if (r.ciLow() == null || r.ciHigh() == null) {
      return "";
    }
    return s.unit().format(r.ciLow()) + "—" + s.unit().format(r.ciHigh());
  }

  /** A status in words: 已实现, 未实现, 无数据, 仅监测, 不公开. */
  public static String status(String status) {
    return switch (status == null ? "no_data" : status) {
      case "met" -> "已实现";
      case "not_met" -> "未实现";
      case "no_target" -> "仅监测";
      case "withheld" -> "不公开";
      default -> "无数据";
    };
  }

  /** The target as a table shows it: "≥90%", "<16/10万", "高于2020年", "监测". */
  public static String target(IndicatorSection s) {
    return switch (s.targetOp()) {
      case "ge" -> "≥" + plan(s);
      case "lt" -> "<" + plan(s);
      case "approx" -> plan(s) + "±" + ReportPhrases.amount(s.unit(), s.tolerance());
      case "up" -> "高于" + s.baselineYear() + "年";
      case "down" -> "低于" + s.baselineYear() + "年";
      default -> "监测";
    };
  }

  /** The unit as a table heading shows it. */
  public static String unit(Unit unit) {
    return switch (unit) {
      case PERCENT -> "%";
      case PER_100K -> "1/10万";
      case PER_1000 -> "‰";
      case COUNT -> "人";
      case YEARS -> "岁";
      case RATIO -> "比值";
    };
  }

  /**
   * The finding of an indicator ({@code reports.md}): the value, its change on the previous year,
   * urban and rural, women and men, the target and whether it is met; for the mid-term the progress
   * since the baseline and the projection, for the final the end state; where the value rests on
   * small numbers, the interval and the three-year figure in words.
   */
  public static String finding(Report report, IndicatorSection s) {
    List<String> parts = new ArrayList<>();
    Optional<ReportRow> now = s.current();
    Optional<ReportRow> before = s.previous();
    StringBuilder first = new StringBuilder(s.nameZh()).append(report.year()).append("年");
    if (now.isPresent() && now.get().withheld()) {
      first.append("数据不公开");
    } else if (now.isEmpty() || now.get().value() == null) {
      first.append("暂无数据");
    } else {
      first.append("为").append(value(s, now.get()));
      if (shown(before)) {
        first
            .append("，")
            .append(ReportPhrases.change(s.unit(), now.get().value(), before.get().value()));
      }
    }
    parts.add(first.toString());
    Optional<ReportRow> urban = s.county("urban", "0");
    Optional<ReportRow> rural = s.county("rural", "0");
    if (urban.isPresent() || rural.isPresent()) {
      parts.add("其中城镇" + value(s, urban) + "、农村" + value(s, rural));
    }
    if (s.bySex()) {
      parts.add("女性" + value(s, s.county("all", "2")) + "、男性" + value(s, s.county("all", "1")));
    }
    String target =
        ReportPhrases.target(s.unit(), s.targetOp(), s.target(), s.tolerance(), s.baselineYear());
    if (!target.isEmpty()) {
      parts.add(target + "，" + attained(s));
    } else {
      parts.add("该指标仅作监测");
    }
    if (report.kind() == ReportKind.MIDTERM) {
      Optional<ReportRow> base = s.baseline();
      if (shown(now) && shown(base)) {
        parts.add(
            ReportPhrases.change(
                s.unit(), now.get().value(), base.get().value(), s.baselineYear() + "年"));
      }
      Double projected = s.projected();
      if (projected != null && !report.publicVersion()) {
        parts.add(
            "按"
                + s.baselineYear()
                + "年以来的趋势推算，"
                + s.finalYear()
                + "年预计为"
                + s.unit().format(projected));
      }
    }
    if (report.kind() == ReportKind.FINAL && s.hasTarget()) {
      parts.add("规划期末目标" + attained(s));
    }
    String text = String.join("；", parts) + "。";
    if (!s.smallNumbers().isEmpty() && shown(now)) {
      text +=
          report.publicVersion()
              ? smallPublic(s, now.get())
              : "（" + String.join("；", s.smallNumbers()) + "）";
    }
    return text;
  }

  /** 已实现目标 / 尚未实现目标，距目标仍差… / 暂无数据 / 不公开. */
  public static String attained(IndicatorSection s) {
    return switch (s.status()) {
      case "met" -> "已实现目标";
      case "not_met" -> {
        Double gap = s.gap();
        yield gap == null ? "尚未实现目标" : "尚未实现目标，" + ReportPhrases.gap(s.unit(), gap);
      }
      case "withheld" -> "数据不公开";
      case "no_target" -> "暂不能判断（无基期值）";
      default -> "暂无数据，无法判断";
    };
  }

  /** The public report's small-number note: the interval only (a count of 1-4 is never shown). */
  private static String smallPublic(IndicatorSection s, ReportRow r) {
    String ci = interval(s, r);
    return "（该数值基于少量事件，不宜单独解读" + (ci.isEmpty() ? "" : "，95%置信区间" + ci) + "。）";
  }

  private static boolean shown(Optional<ReportRow> r) {
    return r.isPresent() && !r.get().withheld() && r.get().value() != null;
  }

  private static String plan(IndicatorSection s) {
    return s.unit().format(java.math.BigDecimal.valueOf(s.target()));
  }

  static String percent(double value) {
    return String.format(Locale.ROOT, "%.1f%%", value);
  }
}
