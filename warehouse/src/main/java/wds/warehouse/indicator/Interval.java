package wds.warehouse.indicator;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A 95% confidence interval of an indicator value, in the indicator's unit.
 *
 * @param low lower bound
 * @param high upper bound
 */
public record Interval(double low, double high) {

  /** The standard normal quantile of 97.5%, for two-sided 95% intervals (1.959963984540054). */
  static final double Z = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.975);

  /**
   * The Wilson score interval of {@code x} successes in {@code n} trials, times {@code factor};
   * null when there is no proportion to bound (n not positive, x negative or above n).
   */
  public static Interval wilson(double x, double n, double factor) {
    if (!(n > 0) || x < 0 || x > n) {
      return null;
    }
    double p = x / n;
    double z2 = Z * Z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    // at 0 and n the bounds are 0 and 1 exactly; floating point would leave a trace
    double low = x == 0 ? 0 : Math.max(0, centre - half);
    double high = x == n ? 1 : Math.min(1, centre + half);
    return new Interval(low * factor, high * factor);
  }

  /**
   * The exact (Garwood) Poisson interval of {@code x} events, the denominator {@code n} held fixed,
   * as a rate times {@code factor}; null when the numerator exceeds the denominator or there is
   * none.
   */
  public static Interval poisson(double x, double n, double factor) {
    if (!(n > 0) || x < 0 || x > n) {
      return null;
    }
    Interval count = poissonCount(x);
    return new Interval(count.low / n * factor, count.high / n * factor);
  }

  /**
   * The exact (Garwood) 95% interval of a Poisson count: half the 2.5% quantile of chi-squared with
   * 2x degrees of freedom (0 for x = 0), half the 97.5% quantile with 2x + 2.
   */
  public static Interval poissonCount(double x) {
    double low =
        x == 0 ? 0 : ChiSquaredDistribution.of(2 * x).inverseCumulativeProbability(0.025) / 2;
    double high = ChiSquaredDistribution.of(2 * x + 2).inverseCumulativeProbability(0.975) / 2;
    return new Interval(low, high);
  }

  /** The interval of a value by a method; null for {@link IntervalMethod#NONE}. */
  public static Interval of(IntervalMethod method, double x, double n, double factor) {
    return switch (method) {
      case WILSON -> wilson(x, n, factor);
      case POISSON -> poisson(x, n, factor);
      case NONE -> null;
    };
  }

  /** Whether the two intervals share any point. */
  public boolean overlaps(Interval other) {
    return low <= other.high && other.low <= high;
  }
}
