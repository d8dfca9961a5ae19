package wds.warehouse.warning;

import java.util.List;

/**
 * A straight line fitted by ordinary least squares to (year, value) points. The closed form of a
 * simple line fit is two sums, so no regression library is pulled in for it (commons-math is not
 * managed by the build, and commons-statistics 1.1 has no regression yet).
 *
 * @param intercept the value at year 0
 * @param slope the change per year
 */
public record LinearTrend(double intercept, double slope) {

  /** The least-squares line through the points (at least two distinct years). */
  public static LinearTrend fit(List<double[]> points) {
    if (points.size() < 2) {
      throw new IllegalArgumentException("a trend needs two points or more");
    }
    double n = points.size();
    double meanX = points.stream().mapToDouble(p -> p[0]).sum() / n;
    double meanY = points.stream().mapToDouble(p -> p[1]).sum() / n;
    double sxy = 0;
    double sxx = 0;
    for (double[] p : points) {
      sxy += (p[0] - meanX) * (p[1] - meanY);
      sxx += (p[0] - meanX) * (p[0] - meanX);
    }
    if (sxx == 0) {
      throw new IllegalArgumentException("a trend needs two distinct years");
    }
    double slope = sxy / sxx;
    return new LinearTrend(meanY - slope * meanX, slope);
  }

  /** The line's value in a year. */
  public double at(double year) {
    return intercept + slope * year;
  }
}
