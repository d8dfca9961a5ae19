package wds.pipeline.person;

import java.time.LocalDate;

/**
 * {@link LocalDate#of(int, int, int)} with the dates of 1800-2199 made once and shared: a delivery
 * names the same birth days, start days and visit days millions of times, and the loader built a
 * new object for each (measured ~10% of the validating threads' time).
 *
 * <p>Thread-safe: a {@code LocalDate} is immutable with final fields, so a racing thread sees
 * either no date (and makes one) or a complete one. At most 148,800 dates (~5 MB), whatever the
 * delivery's size.
 */
public final class LocalDates {

  private static final int FIRST_YEAR = 1800;
  private static final int YEARS = 400;
  private static final LocalDate[] DAYS = new LocalDate[YEARS * 12 * 31];

  private LocalDates() {}

  /**
   * The date {@code year-month-day}.
   *
   * @throws java.time.DateTimeException when it is not a calendar date, as {@code LocalDate.of}
   */
  public static LocalDate of(int year, int month, int day) {
    int y = year - FIRST_YEAR;
    if (y < 0 || y >= YEARS || month < 1 || month > 12 || day < 1 || day > 31) {
      return LocalDate.of(year, month, day);
    }
    int slot = (y * 12 + month - 1) * 31 + day - 1;
    LocalDate date = DAYS[slot];
    if (date == null) {
      date = LocalDate.of(year, month, day);
      DAYS[slot] = date;
    }
    return date;
  }
}
