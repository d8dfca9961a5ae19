package wds.warehouse.query;

import java.util.Locale;

/**
 * The first word of a SQL text after blanks and comments ({@code COPY} in {@code "/* x *&#47; copy
 * t to 'f'"}), with where the rest begins.
 *
 * <p>It does not judge anything: DuckDB's parser does ({@link ReadStatementJudge}). It names the
 * statement in a refusal, and finds the statement an {@code EXPLAIN} wraps so the parser can judge
 * that one.
 */
record LeadingKeyword(String word, int end) {

  static final LeadingKeyword NONE = new LeadingKeyword("", 0);

  /** The first word of {@code sql} from {@code from} on, upper case; NONE when there is none. */
  static LeadingKeyword of(String sql, int from) {
    int i = from;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (sql.startsWith("--", i)) {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? sql.length() : eol + 1;
      } else if (sql.startsWith("/*", i)) {
        int close = sql.indexOf("*/", i + 2);
        i = close < 0 ? sql.length() : close + 2;
      } else {
        break;
      }
    }
    int start = i;
    while (i < sql.length() && Character.isLetter(sql.charAt(i))) {
      i++;
    }
    if (i == start) {
      return new LeadingKeyword("", start);
    }
    return new LeadingKeyword(sql.substring(start, i).toUpperCase(Locale.ROOT), i);
  }

  /** The keyword after this one. */
  LeadingKeyword next(String sql) {
    return of(sql, end);
  }
}
