package wds.warehouse.report;

import java.util.Locale;

/** The three reports the plan asks of the monitoring group ({@code reports.md}). */
public enum ReportKind {
  ANNUAL("年度统计监测报告"),
  MIDTERM("中期统计监测评估报告"),
  FINAL("终期统计监测评估报告");

  private final String title;

  ReportKind(String title) {
    this.title = title;
  }

  /** The kind of {@code annual}, {@code midterm} or {@code final}. */
  public static ReportKind of(String code) {
    return valueOf(code.strip().toUpperCase(Locale.ROOT));
  }

  /** The kind a year asks for: mid-term in the plan's mid-term year, final in its final year. */
  public static ReportKind defaultFor(int year, ReportYears years) {
    if (year == years.midTermYear()) {
      return MIDTERM;
    }
    return year == years.finalYear() ? FINAL : ANNUAL;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The report's title: 年度统计监测报告. */
  public String title() {
    return title;
  }
}
