package wds.pipeline.log;

/**
 * A value as it may appear in a log line, on the console or in an audit message: its control
 * characters shown as escapes and its length cut, so that text from outside (a file name, a
 * manifest field, a header, a fault naming them) can neither start a line of its own nor steer the
 * terminal. Pass it to a logger as an argument: {@link #toString()} escapes only when the line is
 * written.
 *
 * <p>Escaped: the C0 controls U+0000–U+001F and U+007F–U+009F (as {@code \n}, {@code \r}, {@code
 * \t} or {@code \u001b}), the line and paragraph separators U+2028/U+2029, the bidirectional
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069) that reorder what a terminal shows, and
 * lone surrogates. A backslash is left as it is, so escaping twice changes nothing: a delivered
 * {@code \n} (two characters) and an escaped line break look alike, and neither breaks a line.
 *
 * @param value the text as it came, null shown as {@code null}
 * @param limit how many characters of it are shown; past that the text is cut and the number of
 *     characters left out is said
 */
public record LogText(String value, int limit) {

  /** How much of a single value (a file name, a field, a column name) is shown. */
  public static final int VALUE_LIMIT = 120;

  /** How much of a whole message (a refusal listing several faults) is shown. */
  public static final int MESSAGE_LIMIT = 4000;

  public LogText {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
  }

  /** A single value: cut after {@value #VALUE_LIMIT} characters. */
  public static LogText of(String value) {
    return new LogText(value, VALUE_LIMIT);
  }

  /** A whole message: cut after {@value #MESSAGE_LIMIT} characters. */
  public static LogText message(String value) {
    return new LogText(value, MESSAGE_LIMIT);
  }

  /** {@code value} escaped and cut to {@value #VALUE_LIMIT} characters. */
  public static String escape(String value) {
    return of(value).toString();
  }

  /** {@code value} escaped and cut to {@value #MESSAGE_LIMIT} characters. */
  public static String escapeMessage(String value) {
    return message(value).toString();
  }

  @Override
  public String toString() {
    if (value == null) {
      return "null";
    }
    int n = value.length();
    int shown = Math.min(n, limit);
    if (shown < n && Character.isHighSurrogate(value.charAt(shown - 1))) {
      shown--; // never cut a character in two
    }
    if (shown == n && isPlain(value)) {
      return value;
    }
    StringBuilder out = new StringBuilder(shown + 16);
    for (int i = 0; i < shown; i++) {
      char c = value.charAt(i);
      if (!needsEscape(value, i, c)) {
        out.append(c);
        continue;
      }
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(String.format("\\u%04x", (int) c));
      }
    }
    if (shown < n) {
      out.append("…(").append(n - shown).append(" more characters)");
    }
    return out.toString();
  }

  private static boolean isPlain(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (needsEscape(value, i, value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean needsEscape(String value, int i, char c) {
    if (c >= ' ' && c < 0x7f) {
      return false;
    }
    if (c < ' ' || (c >= 0x7f && c <= 0x9f)) {
      return true;
    }
    if (c == '\u2028' || c == '\u2029') {
      return true;
    }
    if ((c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
    }
    return false;
  }
}
