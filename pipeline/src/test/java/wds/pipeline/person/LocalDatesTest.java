package wds.pipeline.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalDatesTest {

  @ParameterizedTest
  @CsvSource({
    "1800, 1, 1",
    "2199, 12, 31",
    "2000, 2, 29",
    "2024, 2, 29",
    "1799, 12, 31",
    "2200, 1, 1",
    "1, 1, 1",
    "9999, 12, 31"
  })
  void of_WhenACalendarDate_ThenItIsThatDateEveryTime(int year, int month, int day) {
    LocalDate first = LocalDates.of(year, month, day);
    assertThat(first).isEqualTo(LocalDate.of(year, month, day));
    assertThat(LocalDates.of(year, month, day)).isEqualTo(first);
  }

  @ParameterizedTest
  @CsvSource({
    "1900, 2, 29",
    "2023, 2, 29",
    "2025, 2, 30",
    "2025, 4, 31",
    "2025, 13, 1",
    "2025, 0, 1",
    "2025, 1, 0",
    "2025, 1, 32",
    "1700, 2, 30"
  })
  void of_WhenNotACalendarDate_ThenItThrowsAsLocalDateDoes(int year, int month, int day) {
    assertThatThrownBy(() -> LocalDates.of(year, month, day)).isInstanceOf(DateTimeException.class);
    // and nothing wrong was kept for the next caller
    assertThatThrownBy(() -> LocalDates.of(year, month, day)).isInstanceOf(DateTimeException.class);
  }

  @ParameterizedTest
  @CsvSource({"1800", "1900", "1999", "2000", "2100", "2199"})
  void of_WhenEveryDayOfAYear_ThenEachIsTheCalendarsDay(int year) {
    for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
      assertThat(LocalDates.of(d.getYear(), d.getMonthValue(), d.getDayOfMonth())).isEqualTo(d);
    }
  }
}
