package wds.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import wds.jobs.OperatorException;
import wds.warehouse.report.ReportKind;
import wds.warehouse.report.ReportYears;

/** The year and kind a report defaults to, and the years it refuses, as issue 13 gives them. */
class ReportRequestTest {

  /** A snapshot of the 2021-2025 plan whose data run 2012..lastData, provisional from one after. */
  static ReportYears years(int lastData, Integer complete) {
    return new ReportYears(
        "2021-2025",
        "规划",
        2020,
        2023,
        2025,
        LocalDate.of(2026, 1, 15),
        LocalDate.of(2026, 1, 15),
        2012,
        lastData,
        lastData,
        complete);
  }

  @Test
  void defaults_AreTheLatestCompleteYearAndTheKindItAsksFor() {
    assertThat(ReportRequest.resolve(years(2026, 2025), null, null))
        .isEqualTo(new ReportRequest(2025, ReportKind.FINAL));
    assertThat(ReportRequest.resolve(years(2024, 2023), null, null))
        .isEqualTo(new ReportRequest(2023, ReportKind.MIDTERM));
    assertThat(ReportRequest.resolve(years(2023, 2022), null, null))
        .isEqualTo(new ReportRequest(2022, ReportKind.ANNUAL));
    assertThat(ReportRequest.resolve(years(2026, 2025), 2023, ReportKind.ANNUAL))
        .isEqualTo(new ReportRequest(2023, ReportKind.ANNUAL));
  }

  @Test
  void refused_AYearWithoutData_NamesTheYearsTheWarehouseHolds() {
    assertThatThrownBy(() -> ReportRequest.resolve(years(2023, 2022), 2025, null))
        .isInstanceOf(OperatorException.class)
        .hasMessage("no data for 2025: the warehouse holds 2020–2023");
  }

  @Test
  void refused_AYearOutsideThePlan_AndAKindOfAnotherYear() {
    assertThatThrownBy(() -> ReportRequest.resolve(years(2026, 2025), 2019, null))
        .hasMessage("2019 is not a year of the plan: its reports cover 2020 (baseline) to 2025");
    assertThatThrownBy(() -> ReportRequest.resolve(years(2026, 2025), 2024, ReportKind.MIDTERM))
        .hasMessage("a midterm report is for 2023, the plan's mid-term year, not 2024");
  }
}
