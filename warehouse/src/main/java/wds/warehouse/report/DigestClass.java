package wds.warehouse.report;

import java.util.Collection;

/** The ranks of the warnings digest (需要关注的问题), in the order {@code reports.md} gives them. */
public enum DigestClass {
  /** Not met this year, and the trend misses the target too. */
  NOT_MET_AND_PROJECTED_MISS,
  /** Not met this year. */
  NOT_MET,
  /** Met or not judged this year, but the trend misses the target by the final year. */
  PROJECTED_MISS,
  /** A change on the previous year that the intervals do not explain. */
  VOLATILE;

  /**
   * The class of an indicator whose county row has {@code status} and raised {@code kinds}; null
   * when it belongs in none (met, or only small numbers or no data).
   */
  public static DigestClass of(String status, Collection<String> kinds) {
    boolean notMet = "not_met".equals(status) || kinds.contains("not_met");
    boolean projected = kinds.contains("projected_miss");
    if (notMet && projected) {
      return NOT_MET_AND_PROJECTED_MISS;
    }
    if (notMet) {
      return NOT_MET;
    }
    if (projected) {
      return PROJECTED_MISS;
    }
    return kinds.contains("volatile") ? VOLATILE : null;
  }
}
