package wds.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

class ReportChartsTest {

  private static YIntervalSeriesCollection points(double[]... valueLowHigh) {
    YIntervalSeries series = new YIntervalSeries("全县");
    int year = 2020;
    for (double[] v : valueLowHigh) {
      series.add(year++, v[0], v[1], v[2]);
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    data.addSeries(series);
    return data;
  }

  @Test
  void readable_WhenIntervalsDwarfTheValues_ThenTheAxisEndsAtOneAndAHalfTimesTheLargest() {
    // a maternal mortality ratio on one or two deaths: 20 per 100,000 with an interval to 1,300
    NumberAxis axis = new NumberAxis();
    ReportCharts.readable(axis, points(new double[] {20, 0, 1300}, new double[] {0, 0, 900}), 16.0);

    assertThat(axis.getUpperBound()).isEqualTo(30.0);
    assertThat(axis.getLowerBound()).isEqualTo(0.0);
  }

  @Test
  void readable_WhenIntervalsAreNarrow_ThenTheAxisKeepsItsAutomaticRange() {
    NumberAxis axis = new NumberAxis();
    axis.setRange(80, 100);
    ReportCharts.readable(axis, points(new double[] {93, 91, 95}, new double[] {94, 92, 96}), 90.0);

    assertThat(axis.getLowerBound()).isEqualTo(80.0);
    assertThat(axis.getUpperBound()).isEqualTo(100.0);
  }
}
