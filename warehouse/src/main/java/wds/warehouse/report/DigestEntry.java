package wds.warehouse.report;

import java.util.List;

/**
 * One entry of the warnings digest (需要关注的问题): one indicator, not one warning row, with what the
 * committee reads about it.
 *
 * @param rank 1 for the most pressing
 * @param kinds the warning kinds raised on the county row (residence all, sex 0) in the year
 * @param value the county's value, exact
 * @param unit the catalogue's unit code ({@code percent}, {@code per_100k}, ...)
 * @param gap how far the value is from its target, in the unit, when not met; else null
 * @param townshipsNotMet the townships whose own row misses the target
 * @param text the entry in words, Chinese, rounded for reading
 */
public record DigestEntry(
    int rank,
    String indicatorCode,
    String nameZh,
    String domain,
    DigestClass digestClass,
    List<String> kinds,
    Double value,
    String unit,
    String targetOp,
    Double target,
    Double gap,
    List<DigestArea> townshipsNotMet,
    String text) {

  public DigestEntry {
    kinds = List.copyOf(kinds);
    townshipsNotMet = List.copyOf(townshipsNotMet);
  }
}
