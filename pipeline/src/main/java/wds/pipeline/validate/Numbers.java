package wds.pipeline.validate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Parses the contract's numbers by hand, without exceptions: {@code int} is an optional sign and
 * ASCII digits; {@code dec} is an optional sign, digits and an optional decimal point with digits
 * ({@code 12}, {@code 12.5}, {@code .5}, {@code -3.25}). No exponent, no thousands separator.
 */
final class Numbers {

  /** What {@link #parseLong} gives for text that is not a whole number (or has over 18 digits). */
  static final long NOT_A_NUMBER = Long.MIN_VALUE;

  /** Decimals are kept at the warehouse's scale, {@code DECIMAL(18,4)}. */
  static final int SCALE = 4;

  private static final int MAX_INTEGER_DIGITS = 18 - SCALE;

  private Numbers() {}

  /** The whole number {@code s} writes, or {@link #NOT_A_NUMBER}. */
  static long parseLong(String s) {
    int n = s.length();
    int i = 0;
    boolean negative = false;
    if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    // 18 digits cannot overflow a long; longer numbers are far outside any range here
    if (i == n || n - i > 18) {
      return NOT_A_NUMBER;
    }
    long value = 0;
    for (; i < n; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return NOT_A_NUMBER;
      }
      value = value * 10 + d;
    }
    return negative ? -value : value;
  }

  /**
   * The decimal {@code s} writes at scale 4 (rounded half up past the fourth decimal), or null when
   * it is not a decimal or has more than 14 digits before the point.
   */
  static BigDecimal parseDecimal(String s) {
    int n = s.length();
    int i = 0;
    if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      i = 1;
    }
    int integerDigits = 0;
    int fractionDigits = 0;
    boolean point = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (point) {
          fractionDigits++;
        } else {
          integerDigits++;
        }
      } else if (c == '.' && !point) {
        point = true;
      } else {
        return null;
      }
    }
    if (integerDigits + fractionDigits == 0) {
      return null;
    }
    BigDecimal value = new BigDecimal(s).setScale(SCALE, RoundingMode.HALF_UP);
    return value.precision() - value.scale() > MAX_INTEGER_DIGITS ? null : value;
  }
}
