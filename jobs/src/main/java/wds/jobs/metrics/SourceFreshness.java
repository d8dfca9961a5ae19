package wds.jobs.metrics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;

/**
 * How fresh one source's data is: its latest loaded delivery date against today in county time.
 *
 * @param source the source system ({@code health}, {@code hr}, ...)
 * @param latestDelivery the latest delivery_date among its loaded deliveries, null if none
 * @param maxDays the days it may go without a delivery before this is a warning
 * @param today today in county time
 */
public record SourceFreshness(
    String source, LocalDate latestDelivery, int maxDays, LocalDate today) {

  /** Days since the latest delivery; empty when the source never delivered. */
  public OptionalLong lagDays() {
    return latestDelivery == null
        ? OptionalLong.empty()
        : OptionalLong.of(ChronoUnit.DAYS.between(latestDelivery, today));
  }

  /** True when the source has had no delivery or pull for more than {@code maxDays}. */
  public boolean stale() {
    return latestDelivery == null || lagDays().getAsLong() > maxDays;
  }

  /** The warning an operator reads, or null when the source is fresh. */
  public String warning() {
    if (!stale()) {
      return null;
    }
    if (latestDelivery == null) {
      return "source " + source + ": no delivery or pull loaded yet";
    }
    return "source "
        + source
        + ": no delivery or pull for "
        + lagDays().getAsLong()
        + " days (latest "
        + latestDelivery
        + ", limit "
        + maxDays
        + ")";
  }
}
