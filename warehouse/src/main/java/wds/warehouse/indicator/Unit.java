package wds.warehouse.indicator;

import java.math.BigDecimal;
import java.util.Locale;

/** The unit of an indicator: its factor, its default interval and how a value is written. */
public enum Unit {
  PERCENT(100, IntervalMethod.WILSON, "%", 1),
  PER_100K(100_000, IntervalMethod.POISSON, "/10万", 1),
  PER_1000(1_000, IntervalMethod.POISSON, "‰", 2),
  COUNT(1, IntervalMethod.NONE, "", 0),
  YEARS(1, IntervalMethod.NONE, "岁", 1),
  RATIO(1, IntervalMethod.NONE, "", 2);

  private final BigDecimal factor;
  private final IntervalMethod interval;
  private final String suffix;
  private final int decimals;

  Unit(long factor, IntervalMethod interval, String suffix, int decimals) {
    this.factor = BigDecimal.valueOf(factor);
    this.interval = interval;
    this.suffix = suffix;
    this.decimals = decimals;
  }

  public static Unit of(String code) {
    return valueOf(code.strip().toUpperCase(Locale.ROOT));
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** What the value is multiplied by: 100 for a percentage, 100,000 for a rate per 100,000. */
  public BigDecimal factor() {
    return factor;
  }

  public IntervalMethod interval() {
    return interval;
  }

  /** The value as a county official reads it: {@code 88.2%}, {@code 150.0/10万}. */
  public String format(double value) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value) + suffix;
  }

  /** A target as written in the plan: {@code 90%}, {@code 16/10万}. */
  public String format(BigDecimal target) {
    return target.stripTrailingZeros().toPlainString() + suffix;
  }
}
