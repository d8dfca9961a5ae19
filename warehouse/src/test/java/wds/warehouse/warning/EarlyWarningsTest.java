package wds.warehouse.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import wds.warehouse.Plan;
import wds.warehouse.indicator.Area;
import wds.warehouse.indicator.Basis;
import wds.warehouse.indicator.Cell;
import wds.warehouse.indicator.IndicatorCatalogue;
import wds.warehouse.indicator.IndicatorValue;
import wds.warehouse.indicator.Interval;
import wds.warehouse.indicator.Status;
import wds.warehouse.indicator.TargetOp;

/** The warning rules on constructed series of values. */
class EarlyWarningsTest {

  private static final String COUNTY = "652323000000";
  private static final String TOWNSHIP = "652323100000";
  private static final Plan PLAN = Plan.standard();
  private static final IndicatorCatalogue CATALOGUE = PLAN.indicators();
  private final EarlyWarnings rules =
      new EarlyWarnings(
          PLAN,
          CATALOGUE,
          List.of(new Area(COUNTY, "呼图壁县", "county"), new Area(TOWNSHIP, "呼图壁镇", "township")));

  /** A percentage value of x/n, judged as the engine would for a ge target. */
  private static IndicatorValue percent(String code, int year, double x, double n, Status status) {
    return new IndicatorValue(
        code,
        new Cell(year, COUNTY, "all", "0"),
        x,
        n,
        x * 100 / n,
        Interval.wilson(x, n, 100),
        TargetOp.GE,
        90.0,
        status,
        Basis.COMPUTED,
        false,
        x,
        true);
  }

  /** A value of an indicator without intervals (a count, a mean age), as the engine gives it. */
  private static IndicatorValue plain(
      String code, int year, String area, String sex, Double numerator, Double denominator) {
    Double value = denominator == null ? numerator : numerator / denominator;
    return new IndicatorValue(
        code,
        new Cell(year, area, "all", sex),
        numerator,
        denominator,
        value,
        null,
        TargetOp.MONITOR,
        null,
        Status.NO_TARGET,
        Basis.COMPUTED,
        false,
        denominator == null ? numerator : null,
        true);
  }

  private static IndicatorValue provisional(IndicatorValue v) {
    return new IndicatorValue(
        v.code(),
        v.cell(),
        v.numerator(),
        v.denominator(),
        v.value(),
        v.interval(),
        v.targetOp(),
        v.target(),
        v.status(),
        v.basis(),
        true,
        v.events(),
        v.sourcesDelivered());
  }

  private List<IndicatorWarning> of(List<IndicatorValue> values, WarningKind kind) {
    return rules.evaluate(values).stream().filter(w -> w.kind() == kind).toList();
  }

  @Test
  void projectedMiss_GivenThreeYearsRisingOnePointAYear_ThenTheTrendMisses90In2025() {
    List<IndicatorValue> series =
        List.of(
            percent("H02", 2020, 800, 1000, Status.NOT_MET),
            percent("H02", 2021, 810, 1000, Status.NOT_MET),
            percent("H02", 2022, 820, 1000, Status.NOT_MET));
    List<IndicatorWarning> warnings = of(series, WarningKind.PROJECTED_MISS);
    assertThat(warnings).hasSize(1);
    IndicatorWarning w = warnings.get(0);
    assertThat(w.cell().year()).isEqualTo(2022);
    assertThat(w.projectedValue()).isCloseTo(85.0, within(1e-9));
    assertThat(w.message())
        .isEqualTo("呼图壁县孕产妇系统管理率按2020—2022年趋势（每年+1.0%）预计2025年为85.0%，低于目标90%，完成目标有困难");
  }

  @Test
  void projectedMiss_GivenATrendReachingTheTarget_ThenNoWarning() {
    List<IndicatorValue> series =
        List.of(
            percent("H02", 2020, 800, 1000, Status.NOT_MET),
            percent("H02", 2021, 820, 1000, Status.NOT_MET),
            percent("H02", 2022, 840, 1000, Status.NOT_MET));
    assertThat(of(series, WarningKind.PROJECTED_MISS)).isEmpty();
  }

  @Test
  void projectedMiss_GivenAnUpIndicatorFallingBelowItsBaseline_ThenWarned() {
    // H12 (up): 90, 89, 88 -> 2025 at 85, not above the 2020 value of 90
    List<IndicatorValue> series =
        List.of(
            percent("H12", 2020, 900, 1000, Status.NO_TARGET),
            percent("H12", 2021, 890, 1000, Status.NOT_MET),
            percent("H12", 2022, 880, 1000, Status.NOT_MET));
    assertThat(of(series, WarningKind.PROJECTED_MISS))
        .singleElement()
        .satisfies(w -> assertThat(w.message()).contains("未高于2020年基线值90.0%"));
  }

  @Test
  void volatile_GivenAJumpFrom50To80WithTightIntervals_ThenWarnedWithThePreviousValue() {
    List<IndicatorValue> series =
        List.of(
            percent("H12", 2023, 500, 1000, Status.MET),
            percent("H12", 2024, 800, 1000, Status.MET));
    assertThat(of(series, WarningKind.VOLATILE))
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.cell().year()).isEqualTo(2024);
              assertThat(w.previousValue()).isEqualTo(50.0);
              assertThat(w.message())
                  .isEqualTo("呼图壁县住院分娩率2024年为80.0%，较2023年的50.0%变化+60.0%，波动较大（两年95%置信区间不重叠）");
            });
  }

  @Test
  void volatile_GivenTheSameJumpOnFewCases_ThenTheOverlappingIntervalsExplainIt() {
    List<IndicatorValue> series =
        List.of(percent("H12", 2023, 2, 4, Status.MET), percent("H12", 2024, 3, 4, Status.MET));
    assertThat(of(series, WarningKind.VOLATILE)).isEmpty();
  }

  @Test
  void volatile_GivenAChangeOf20PercentExactly_ThenNotVolatile() {
    List<IndicatorValue> series =
        List.of(
            percent("H12", 2023, 500, 1000, Status.MET),
            percent("H12", 2024, 600, 1000, Status.MET));
    assertThat(of(series, WarningKind.VOLATILE)).isEmpty();
  }

  @Test
  void notMet_GivenAValueBelowItsTarget_ThenTheMessageAnOfficialReads() {
    List<IndicatorValue> series = List.of(percent("H02", 2024, 882, 1000, Status.NOT_MET));
    assertThat(of(series, WarningKind.NOT_MET))
        .singleElement()
        .satisfies(w -> assertThat(w.message()).isEqualTo("呼图壁县孕产妇系统管理率2024年为88.2%，低于目标90%"));
  }

  @Test
  void smallNumbers_Given3DeathsPer2000Births_ThenTheIntervalAndTheThreeYearPooledFigure() {
    List<IndicatorValue> series = new ArrayList<>();
    double[][] years = {{2022, 1, 1800}, {2023, 2, 1900}, {2024, 3, 2000}};
    for (double[] y : years) {
      series.add(
          new IndicatorValue(
              "H01",
              new Cell((int) y[0], COUNTY, "all", "0"),
              y[1],
              y[2],
              y[1] * 100_000 / y[2],
              Interval.poisson(y[1], y[2], 100_000),
              TargetOp.LT,
              16.0,
              Status.NOT_MET,
              Basis.COMPUTED,
              false,
              y[1],
              true));
    }
    List<IndicatorWarning> warnings = of(series, WarningKind.SMALL_NUMBERS);
    assertThat(warnings).hasSize(3);
    IndicatorWarning w = warnings.get(2);
    assertThat(w.pooledNumerator()).isEqualTo(6.0);
    assertThat(w.pooledDenominator()).isEqualTo(5700.0);
    assertThat(w.pooledValue()).isCloseTo(105.26, within(0.01));
    assertThat(w.ciLow()).isCloseTo(30.94, within(0.01));
    assertThat(w.message())
        .startsWith("呼图壁县孕产妇死亡率2024年为150.0/10万，仅基于3例")
        .contains("95%置信区间30.9/10万—438.4/10万")
        .contains("2022—2024年三年合计为105.3/10万（6/5700");
  }

  @Test
  void noData_GivenAReportedIndicatorWithoutReturn_ThenWarned() {
    IndicatorValue missing =
        new IndicatorValue(
            "N01",
            new Cell(2024, COUNTY, "all", "0"),
            null,
            null,
            null,
            null,
            TargetOp.GE,
            99.0,
            Status.NO_DATA,
            Basis.REPORTED,
            false,
            null,
            false);
    assertThat(of(List.of(missing), WarningKind.NO_DATA))
        .singleElement()
        .satisfies(w -> assertThat(w.message()).isEqualTo("呼图壁县农村自来水普及率2024年无数据：责任部门未报送该年数据"));
  }

  @Test
  void noData_GivenAComputedIndicatorWhoseSourcesDeliveredNothing_ThenWarned() {
    IndicatorValue gap =
        new IndicatorValue(
            "H13",
            new Cell(2023, COUNTY, "all", "0"),
            0.0,
            0.0,
            null,
            null,
            TargetOp.MONITOR,
            null,
            Status.NO_DATA,
            Basis.COMPUTED,
            false,
            0.0,
            false);
    assertThat(of(List.of(gap), WarningKind.NO_DATA))
        .singleElement()
        .satisfies(w -> assertThat(w.message()).contains("2023年无数据：数据来源未提供该年记录"));
  }

  @Test
  void provisional_GivenTwoWeeksOfAYearThatFallAndMiss_ThenOnlyTheSmallNumbersWarning() {
    // 2026 with two weeks of data: 0 of 3 managed, after 93.3% in 2025
    List<IndicatorValue> series = new ArrayList<>();
    for (int y = 2020; y <= 2025; y++) {
      series.add(percent("H02", y, 933, 1000, Status.MET));
    }
    series.add(provisional(percent("H02", 2026, 0, 3, Status.NOT_MET)));
    List<IndicatorWarning> of2026 =
        rules.evaluate(series).stream().filter(w -> w.cell().year() == 2026).toList();
    assertThat(of2026)
        .extracting(IndicatorWarning::kind)
        .containsExactly(WarningKind.SMALL_NUMBERS);
  }

  @Test
  void provisional_GivenAMissingReturnInAProvisionalYear_ThenNoDataIsStillRaised() {
    IndicatorValue missing =
        provisional(
            new IndicatorValue(
                "N01",
                new Cell(2026, COUNTY, "all", "0"),
                null,
                null,
                null,
                null,
                TargetOp.GE,
                99.0,
                Status.NO_DATA,
                Basis.REPORTED,
                false,
                null,
                false));
    assertThat(rules.evaluate(List.of(missing)))
        .extracting(IndicatorWarning::kind)
        .containsExactly(WarningKind.NO_DATA);
  }

  @Test
  void projectedMiss_GivenAFallingSeriesToTheFinalYear_ThenProjectedBeforeItButNotInIt() {
    // H06 falls 2 points a year from 100% in 2020; 2025 is observed at 90%, below its 95% target
    List<IndicatorValue> series = new ArrayList<>();
    for (int y = 2020; y <= 2025; y++) {
      int treated = 1000 - (y - 2020) * 20;
      series.add(percent("H06", y, treated, 1000, treated >= 950 ? Status.MET : Status.NOT_MET));
    }
    assertThat(of(series, WarningKind.PROJECTED_MISS))
        .extracting(w -> w.cell().year())
        .containsExactly(2022, 2023, 2024);
    assertThat(of(series, WarningKind.NOT_MET)).extracting(w -> w.cell().year()).contains(2025);
  }

  @Test
  void volatile_GivenATownshipMeanAgeSwingingByAThird_ThenNotJudged() {
    // F01 in a township of a handful of first marriages: 24.0 then 32.7 years (+36%)
    List<IndicatorValue> series =
        List.of(
            plain("F01", 2023, TOWNSHIP, "2", 72.0, 3.0),
            plain("F01", 2024, TOWNSHIP, "2", 98.0, 3.0));
    assertThat(of(series, WarningKind.VOLATILE)).isEmpty();
  }

  @Test
  void volatile_GivenACountyCountUpByAThird_ThenWarnedOnThe20PercentRuleAlone() {
    // 100 then 130 women on dibao: their Poisson intervals overlap, the count is judged all the
    // same
    List<IndicatorValue> series =
        List.of(
            plain("S06", 2023, COUNTY, "2", 100.0, null),
            plain("S06", 2024, COUNTY, "2", 130.0, null));
    assertThat(of(series, WarningKind.VOLATILE))
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.message())
                    .isEqualTo("呼图壁县享受最低生活保障的女性人数2024年女性为130，较2023年的100变化+30.0%，波动较大（超过上年值的20%）"));
  }

  @Test
  void volatile_GivenATownshipCountUpByAThird_ThenNotJudged() {
    List<IndicatorValue> series =
        List.of(
            plain("S06", 2023, TOWNSHIP, "2", 100.0, null),
            plain("S06", 2024, TOWNSHIP, "2", 130.0, null));
    assertThat(of(series, WarningKind.VOLATILE)).isEmpty();
  }

  @Test
  void f01_GivenTheMensMeanAgeJumping_ThenTheMessageNamesMenAndTheIndicatorWithoutASex() {
    List<IndicatorValue> series =
        List.of(
            plain("F01", 2023, COUNTY, "1", 2500.0, 100.0),
            plain("F01", 2024, COUNTY, "1", 3500.0, 100.0),
            plain("F01", 2023, COUNTY, "2", 2400.0, 100.0),
            plain("F01", 2024, COUNTY, "2", 3000.0, 100.0));
    List<IndicatorWarning> warnings = of(series, WarningKind.VOLATILE);
    assertThat(warnings)
        .extracting(IndicatorWarning::message)
        .containsExactly(
            "呼图壁县平均初婚年龄2024年男性为35.0岁，较2023年的25.0岁变化+40.0%，波动较大（超过上年值的20%）",
            "呼图壁县平均初婚年龄2024年女性为30.0岁，较2023年的24.0岁变化+25.0%，波动较大（超过上年值的20%）");
    assertThat(CATALOGUE.get("F01").nameZh()).isEqualTo("平均初婚年龄");
  }

  @Test
  void linearTrend_GivenPointsOnALine_ThenItsSlopeAndValue() {
    LinearTrend t = LinearTrend.fit(List.of(new double[] {2020, 1}, new double[] {2022, 5}));
    assertThat(t.slope()).isEqualTo(2.0);
    assertThat(t.at(2025)).isCloseTo(11.0, within(1e-9));
  }
}
