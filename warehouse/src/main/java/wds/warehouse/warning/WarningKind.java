package wds.warehouse.warning;

import java.util.Locale;

/** The early warnings the plan asks for (对预计完成困难、波动较大指标及时预警). */
public enum WarningKind {
  /** The least-squares trend since the baseline, projected to the final year, misses the target. */
  PROJECTED_MISS,
  /** A change of more than 20% from the previous year that the two intervals do not explain. */
  VOLATILE,
  /** The value misses the target this year. */
  NOT_MET,
  /** The value rests on too few events to be read alone. */
  SMALL_NUMBERS,
  /** The sources delivered nothing for the year, or the department made no return. */
  NO_DATA;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
