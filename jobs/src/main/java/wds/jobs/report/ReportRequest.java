package wds.jobs.report;

import wds.jobs.OperatorException;
import wds.warehouse.report.ReportKind;
import wds.warehouse.report.ReportYears;

/**
 * The report a command line asks for, checked against the snapshot's years: the year (default the
 * plan's latest complete year with data, never a provisional one) and the kind (default mid-term in
 * the mid-term year, final in the final year, otherwise annual).
 */
public record ReportRequest(int year, ReportKind kind) {

  /**
   * The request for {@code year} and {@code kind} (either null for its default), or an {@link
   * OperatorException} in one line: a year outside the plan, a year without data, a kind that does
   * not belong to the year.
   */
  public static ReportRequest resolve(ReportYears years, Integer year, ReportKind kind) {
    String holds =
        "the warehouse holds "
            + Math.max(years.baselineYear(), years.firstDataYear())
            + "–"
            + Math.min(years.finalYear(), years.lastDataYear());
    if (year == null) {
      if (years.latestCompleteYear().isEmpty()) {
        throw new OperatorException(
            "no complete year of the plan "
                + (years.baselineYear() + 1)
                + "–"
                + years.finalYear()
                + " has data yet: choose one with --year");
      }
      year = years.latestCompleteYear().getAsInt();
    }
    if (!years.inPlan(year)) {
      throw new OperatorException(
          year
              + " is not a year of the plan: its reports cover "
              + years.baselineYear()
              + " (baseline) to "
              + years.finalYear());
    }
    if (!years.hasData(year)) {
      throw new OperatorException("no data for " + year + ": " + holds);
    }
    ReportKind fits = ReportKind.defaultFor(year, years);
    if (kind == null) {
      kind = fits;
    } else if (kind != ReportKind.ANNUAL && kind != fits) {
      throw new OperatorException(
          "a "
              + kind.code()
              + " report is for "
              + (kind == ReportKind.MIDTERM ? years.midTermYear() : years.finalYear())
              + ", the plan's "
              + (kind == ReportKind.MIDTERM ? "mid-term" : "final")
              + " year, not "
              + year);
    }
    return new ReportRequest(year, kind);
  }

  /** The report's folder name: {@code annual-2024}. */
  public String folderName() {
    return kind.code() + "-" + year;
  }
}
