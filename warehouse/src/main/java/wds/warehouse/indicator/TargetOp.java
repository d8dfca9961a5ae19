package wds.warehouse.indicator;

import java.math.BigDecimal;
import java.util.Locale;

/** A target operator of the catalogue: how a value is judged against its target. */
public enum TargetOp {
  /** The value must stay below the target. */
  LT,
  /** The value must reach the target. */
  GE,
  /** The value must lie within the target ± tolerance, bounds included. */
  APPROX,
  /** The value must rise above the baseline year's value. */
  UP,
  /** The value must fall below the baseline year's value. */
  DOWN,
  /** No judgement: the value is watched. */
  MONITOR;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TargetOp of(String code) {
    return valueOf(code.strip().toUpperCase(Locale.ROOT));
  }

  /** Whether the judgement needs the baseline year's value rather than a fixed target. */
  public boolean relative() {
    return this == UP || this == DOWN;
  }

  /**
   * Whether {@code value} meets the target, on the exact value. {@code reference} is the target
   * value for lt/ge/approx and the baseline value for up/down.
   */
  public boolean meets(BigDecimal value, BigDecimal reference, BigDecimal tolerance) {
    return switch (this) {
      case LT -> value.compareTo(reference) < 0;
      case GE -> value.compareTo(reference) >= 0;
      case APPROX -> value.subtract(reference).abs().compareTo(tolerance) <= 0;
      case UP -> value.compareTo(reference) > 0;
      case DOWN -> value.compareTo(reference) < 0;
      case MONITOR -> throw new IllegalStateException("monitor has no judgement");
    };
  }
}
