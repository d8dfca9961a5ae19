package wds.pipeline.validate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import wds.pipeline.log.LogText;
import wds.pipeline.person.IdentityNumber;
import wds.pipeline.person.InvalidIdentityNumberException;
import wds.pipeline.person.InvalidIdentityNumberException.Fault;
import wds.pipeline.person.Sex;
import wds.schemas.Column;
import wds.schemas.ColumnType;

/**
 * The words of one rejection found by a {@link RuleQuery}: the reason (an identity number's format
 * or checksum), the column and the detail the quarantine and the operator read. Runs in Java for
 * rejected rows only, which are few; the rules themselves run in SQL.
 */
public final class RejectDetail {

  /** The detail of a value holding a blank: values are taken as delivered, never trimmed. */
  static final String BLANK =
      "holds a blank or a line break (values are taken as delivered, without trimming)";

  private final RuleQuery query;
  private final ValidationContext context;

  public RejectDetail(RuleQuery query, ValidationContext context) {
    this.query = query;
    this.context = context;
  }

  /**
   * The rejection of a raw record ({@code raw}: values by header position) by rule {@code rule}.
   */
  public Outcome.Rejected of(int rule, String[] raw) {
    RuleQuery.Rule r = query.rules().get(rule);
    Column c = r.column();
    String v = delivered(c, raw);
    return switch (r.reason()) {
      case MISSING_REQUIRED -> reject(r.reason(), c, missing(c));
      case BAD_ID_FORMAT, BAD_ID_CHECKSUM -> identity(c, v);
      case SEX_CONFLICT -> {
        IdentityNumber id = parsed(delivered(query.schema().column(c.sexOf()).orElseThrow(), raw));
        yield reject(
            r.reason(),
            c,
            "sex "
                + Sex.ofCode(v).code()
                + " contradicts the sex "
                + id.sex().code()
                + " encoded in "
                + c.sexOf());
      }
      case BAD_DATE ->
          reject(
              r.reason(),
              c,
              c.type() == ColumnType.DATE
                  ? shown(v) + " is not an ISO date yyyy-MM-dd of the calendar"
                  : shown(v) + " is not an ISO local date-time yyyy-MM-ddTHH:mm:ss");
      case FUTURE_DATE -> {
        if (c.type() == ColumnType.DATE) {
          LocalDate d = IsoDates.date(v);
          yield reject(r.reason(), c, d + " is after the extract date " + context.extractDate());
        }
        LocalDateTime t = IsoDates.dateTime(v);
        yield reject(
            r.reason(), c, t + " is after the end of the extract date " + context.extractDate());
      }
      case BAD_CODE -> reject(r.reason(), c, hasBlank(v) ? BLANK : codeFault(c, v));
      case OUT_OF_RANGE -> reject(r.reason(), c, rangeFault(c, v, raw));
      case UNKNOWN_AREA -> reject(r.reason(), c, shown(v) + " is not in the areas extract");
      default -> throw new IllegalStateException("no rule of the query gives " + r.reason());
    };
  }

  private Outcome.Rejected identity(Column c, String v) {
    if (hasBlank(v)) {
      return reject(RejectReason.BAD_ID_FORMAT, c, BLANK);
    }
    try {
      IdentityNumber.parse(v);
      // a valid number the query rejected: its birth date is after the extract date
      return reject(
          RejectReason.BAD_ID_FORMAT,
          c,
          "the birth date inside the number is after the extract date " + context.extractDate());
    } catch (InvalidIdentityNumberException e) {
      RejectReason reason =
          e.fault() == Fault.CHECKSUM ? RejectReason.BAD_ID_CHECKSUM : RejectReason.BAD_ID_FORMAT;
      // the exception's message names the fault, never the number
      return reject(reason, c, e.getMessage());
    }
  }

  private static IdentityNumber parsed(String v) {
    try {
      return IdentityNumber.parse(v);
    } catch (InvalidIdentityNumberException e) {
      throw new IllegalStateException("a sex conflict with an invalid identity number", e);
    }
  }

  private String missing(Column c) {
    if (c.required()) {
      return query.position(c.name()) < 0 ? "the column is absent" : "empty";
    }
    return "empty, and it is required unless " + c.requiredUnless();
  }

  private String codeFault(Column c, String v) {
    if (c.type() == ColumnType.FLAG) {
      return shown(v) + " is not Y or N";
    }
    if (!c.codes().isEmpty() && !c.codes().contains(v)) {
      return shown(v) + " is not one of " + String.join(", ", c.codes());
    }
    if (c.pattern() != null && !Pattern.compile(c.pattern()).matcher(v).matches()) {
      return shown(v) + " does not match " + c.pattern();
    }
    return shown(v) + " is not a code of the indicator catalogue";
  }

  private String rangeFault(Column c, String v, String[] raw) {
    BigDecimal n;
    if (c.type() == ColumnType.INT) {
      long whole = Numbers.parseLong(v);
      if (whole == Numbers.NOT_A_NUMBER) {
        return shown(v) + " is not a whole number";
      }
      n = BigDecimal.valueOf(whole);
    } else {
      n = Numbers.parseDecimal(v);
      if (n == null) {
        return shown(v) + " is not a decimal number of at most 14 digits before the point";
      }
    }
    BigDecimal min = c.min();
    BigDecimal max = c.max();
    String by = "";
    if (!c.rangeBy().isEmpty()) {
      Map.Entry<String, Map<String, List<BigDecimal>>> e = c.rangeBy().entrySet().iterator().next();
      String other = delivered(query.schema().column(e.getKey()).orElseThrow(), raw);
      List<BigDecimal> bounds = other == null ? null : e.getValue().get(other);
      if (bounds != null) {
        min = bounds.get(0);
        max = bounds.get(1);
        by = " (for " + e.getKey() + " " + other + ")";
      }
    }
    return shown(v) + " is outside " + describe(min, max) + by;
  }

  /** A range as words. */
  private static String describe(BigDecimal min, BigDecimal max) {
    if (min != null && max != null) {
      return min.toPlainString() + " to " + max.toPlainString();
    }
    return min != null ? "at least " + min.toPlainString() : "at most " + max.toPlainString();
  }

  /**
   * The delivered value of {@code c} as the rules read it: exactly as delivered, null when empty or
   * absent; a value of blanks only is empty in free text, in a key and in an identity number.
   */
  private String delivered(Column c, String[] raw) {
    int p = query.position(c.name());
    if (p < 0 || raw[p] == null || raw[p].isEmpty()) {
      return null;
    }
    String v = raw[p];
    boolean blankIsEmpty =
        c.type() == ColumnType.STR
            || c.type() == ColumnType.ID_NUMBER
            || query.schema().primaryKey().contains(c.name());
    return blankIsEmpty && v.isBlank() ? null : v;
  }

  /**
   * Whether a value holds a blank or a line break anywhere: a space, a tab, CR, LF, a no-break or
   * an ideographic space (U+3000).
   */
  public static boolean hasBlank(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c <= ' ' || (c > 0x7f && (Character.isWhitespace(c) || Character.isSpaceChar(c)))) {
        return true;
      }
    }
    return false;
  }

  private static Outcome.Rejected reject(RejectReason reason, Column c, String detail) {
    return new Outcome.Rejected(reason, c.name(), c.name() + ": " + detail);
  }

  /**
   * A delivered value as a detail may quote it. Values longer than 12 characters (an area code's
   * length) are not quoted, only counted: an identity number (15 or 18 characters) put in the wrong
   * column must not reach the detail.
   */
  static String shown(String v) {
    return v.length() <= 12
        ? "'" + LogText.escape(v) + "'"
        : "a value of " + v.length() + " characters";
  }
}
