package wds.warehouse.indicator;

import java.util.Locale;

/** How a value stands against its target. */
public enum Status {
  MET,
  NOT_MET,
  /** No target to judge by: monitor indicators, and up/down in the baseline year or without one. */
  NO_TARGET,
  /** No value: a zero or missing denominator, sources that delivered nothing, or no return. */
  NO_DATA;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
