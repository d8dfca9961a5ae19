package wds.pipeline.validate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import wds.pipeline.person.LocalDates;

/**
 * Parses the contract's dates and timestamps by hand, without exceptions or regular expressions:
 * this runs for every date of every row. The grammar is exactly the contract's, so there is no
 * second, slower parser behind it.
 *
 * <ul>
 *   <li>date: {@code yyyy-MM-dd}, a real calendar date;
 *   <li>timestamp: {@code yyyy-MM-dd}, then {@code T} or one space, then {@code HH:mm}, optionally
 *       {@code :ss}, optionally a fraction {@code .f} of 1 to 9 digits.
 * </ul>
 */
final class IsoDates {

  private IsoDates() {}

  /** The date {@code s} denotes, or null when it is not an ISO date or not a calendar date. */
  static LocalDate date(String s) {
    if (s.length() != 10) {
      return null;
    }
    int day = dayAt(s);
    return day < 0 ? null : LocalDates.of(day / 10_000, day / 100 % 100, day % 100);
  }

  /** The date-time {@code s} denotes, or null when it is not one. */
  static LocalDateTime dateTime(String s) {
    int n = s.length();
    if (n < 16) {
      return null;
    }
    int day = dayAt(s);
    char sep = s.charAt(10);
    if (day < 0 || (sep != 'T' && sep != ' ' && sep != 't') || s.charAt(13) != ':') {
      return null;
    }
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = 0;
    int nanos = 0;
    if (n > 16) {
      if (n < 19 || s.charAt(16) != ':') {
        return null;
      }
      second = digits(s, 17, 19);
      if (n > 19) {
        int fraction = n - 20;
        if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
          return null;
        }
        nanos = digits(s, 20, n);
        if (nanos < 0) {
          return null;
        }
        for (int i = fraction; i < 9; i++) {
          nanos *= 10;
        }
      }
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    return LocalDateTime.of(day / 10_000, day / 100 % 100, day % 100, hour, minute, second, nanos);
  }

  /**
   * The {@code yyyy-MM-dd} date in the first ten characters of {@code s} as the number yyyyMMdd, or
   * -1 (a number, not a LocalDate: a timestamp makes one object, not two).
   */
  private static int dayAt(String s) {
    if (s.charAt(4) != '-' || s.charAt(7) != '-') {
      return -1;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
      return -1;
    }
    return year * 10_000 + month * 100 + day;
  }

  private static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** The number written by the ASCII digits {@code s[from, to)}, or -1 when one is not a digit. */
  private static int digits(String s, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }
}
