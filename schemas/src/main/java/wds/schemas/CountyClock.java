package wds.schemas;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The county's clock, the one definition of the time every part of wds reads dates in: China
 * Standard Time ({@code Asia/Shanghai}, UTC+8 all year, no daylight saving since 1991). The
 * contract's timestamps, the audit, the plan's years, the data year, freshness and the schedule are
 * all county time, whatever the server's own zone.
 */
public final class CountyClock {

  /** The county's time zone's name, for settings whose default it is. */
  public static final String ZONE_NAME = "Asia/Shanghai";

  /** The county's time zone. */
  public static final ZoneId ZONE = ZoneId.of(ZONE_NAME);

  /** Its offset, for timestamps that carry one (fixed: no daylight saving). */
  public static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);

  private CountyClock() {}

  /** The system clock read in county time. */
  public static Clock system() {
    return Clock.system(ZONE);
  }

  /** Today in the county. */
  public static LocalDate today() {
    return LocalDate.now(ZONE);
  }
}
