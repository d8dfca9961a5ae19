package wds.warehouse.indicator;

/** How the 95% interval of a value is computed. */
public enum IntervalMethod {
  /** Wilson score interval of a binomial proportion (percentages). */
  WILSON,
  /** Exact Poisson (Garwood) interval of the numerator, the denominator held fixed (rates). */
  POISSON,
  /** No interval (counts, years, ratios, and values that are not proportions of counts). */
  NONE
}
