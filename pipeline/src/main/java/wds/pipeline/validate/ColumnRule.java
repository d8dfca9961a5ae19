package wds.pipeline.validate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import wds.schemas.Column;
import wds.schemas.ColumnType;

/**
 * One schema column compiled for validation: where its value is in the delivered record and in the
 * warehouse row, and its checks in the cheapest form (code lists as hash sets, a pattern compiled
 * once, ranges as longs for whole numbers).
 */
final class ColumnRule {

  /** An inclusive range, as decimals and, for whole numbers, as longs. */
  record Range(BigDecimal min, BigDecimal max, long minLong, long maxLong) {

    static Range of(BigDecimal min, BigDecimal max) {
      return new Range(
          min,
          max,
          min == null ? Long.MIN_VALUE : min.setScale(0, RoundingMode.CEILING).longValue(),
          max == null ? Long.MAX_VALUE : max.setScale(0, RoundingMode.FLOOR).longValue());
    }

    boolean contains(long value) {
      return value >= minLong && value <= maxLong;
    }

    boolean contains(BigDecimal value) {
      return (min == null || value.compareTo(min) >= 0)
          && (max == null || value.compareTo(max) <= 0);
    }

    String describe() {
      if (min != null && max != null) {
        return min.toPlainString() + " to " + max.toPlainString();
      }
      return min != null ? "at least " + min.toPlainString() : "at most " + max.toPlainString();
    }
  }

  final Column column;
  final String name;
  final ColumnType type;

  /** Position among the schema's columns (and in the validator's array of values). */
  final int position;

  /** Position in the delivered record, -1 when the (optional) column is absent. */
  final int source;

  /**
   * Position in the warehouse row (for an identity number: its person key; birth date and sex
   * follow).
   */
  final int target;

  final boolean required;

  /** {@code required_unless}: rule positions of the other columns and their exempting values. */
  final int[] unlessRules;

  final List<Set<String>> unlessValues;
  final Set<String> codes;
  final boolean indicatorCodes;
  final Pattern pattern;
  final Range range;

  /** {@code range_by}: rule position of the deciding column, and its value to range. */
  final int rangeByRule;

  final Map<String, Range> rangesBy;
  final String rangeByColumn;
  final boolean checksFuture;

  /** {@code sex_of}: rule position of the identity-number column, -1 if none. */
  int sexOfRule = -1;

  /** Position of this identity-number column among the row's identity numbers. */
  int idSlot = -1;

  /** Whether the column is (part of) the extract's primary key. */
  boolean key;

  ColumnRule(
      Column column, int position, int source, int target, Map<String, Integer> rulePositions) {
    this.column = column;
    this.position = position;
    this.name = column.name();
    this.type = column.type();
    this.source = source;
    this.target = target;
    this.required = column.required();
    this.unlessRules = new int[column.requiredUnless().size()];
    this.unlessValues = new ArrayList<>();
    int u = 0;
    for (Map.Entry<String, List<String>> e : column.requiredUnless().entrySet()) {
      unlessRules[u++] = position(rulePositions, e.getKey());
      unlessValues.add(Set.copyOf(e.getValue()));
    }
    this.codes = column.codes().isEmpty() ? null : new HashSet<>(column.codes());
    this.indicatorCodes = "indicators".equals(column.codesFrom());
    if (column.codesFrom() != null && !indicatorCodes) {
      throw new IllegalArgumentException(
          name + ": unknown codes_from list " + column.codesFrom() + " (only indicators)");
    }
    this.pattern = column.pattern() == null ? null : Pattern.compile(column.pattern());
    this.range =
        column.min() == null && column.max() == null ? null : Range.of(column.min(), column.max());
    if (column.rangeBy().isEmpty()) {
      this.rangeByRule = -1;
      this.rangeByColumn = null;
      this.rangesBy = Map.of();
    } else {
      if (column.rangeBy().size() != 1) {
        throw new IllegalArgumentException(name + ": range_by names more than one column");
      }
      Map.Entry<String, Map<String, List<BigDecimal>>> by =
          column.rangeBy().entrySet().iterator().next();
      this.rangeByColumn = by.getKey();
      this.rangeByRule = position(rulePositions, by.getKey());
      Map<String, Range> ranges = new HashMap<>();
      by.getValue()
          .forEach((value, minMax) -> ranges.put(value, Range.of(minMax.get(0), minMax.get(1))));
      this.rangesBy = Map.copyOf(ranges);
    }
    this.checksFuture = column.checksFuture();
  }

  private int position(Map<String, Integer> rulePositions, String other) {
    Integer p = rulePositions.get(other);
    if (p == null) {
      throw new IllegalArgumentException(
          name + " refers to " + other + ", not a column of the extract");
    }
    return p;
  }

  /**
   * The delivered value as validation reads it: exactly as delivered (nothing is trimmed: a blank
   * or a line break in a code, date, number, identity number or key is that column's fault, found
   * by its check), null for an empty value. A value of blanks only counts as empty in free text, in
   * a key and in an identity number (a key of blanks is {@code MISSING_REQUIRED}, sources.md).
   */
  String normalise(String[] record) {
    if (source < 0) {
      return null;
    }
    String raw = record[source];
    int n = raw.length();
    if (n == 0) {
      return null;
    }
    // the common case, checked without a scan: printable ASCII at the first character
    char first = raw.charAt(0);
    if (first > ' ' && first < 0x7f) {
      return raw;
    }
    if ((type == ColumnType.STR || type == ColumnType.ID_NUMBER || key) && raw.isBlank()) {
      return null;
    }
    return raw;
  }

  /**
   * Whether a value holds a blank or a line break anywhere: a space, a tab, CR, LF, a no-break or
   * an ideographic space (U+3000).
   */
  static boolean hasBlank(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c <= ' ' || (c > 0x7f && (Character.isWhitespace(c) || Character.isSpaceChar(c)))) {
        return true;
      }
    }
    return false;
  }

  /** Whether an empty value of this column is {@code MISSING_REQUIRED}, given the row's values. */
  boolean requiredGiven(String[] values) {
    if (required) {
      return true;
    }
    if (unlessRules.length == 0) {
      return false;
    }
    for (int i = 0; i < unlessRules.length; i++) {
      String other = values[unlessRules[i]];
      if (other != null && unlessValues.get(i).contains(other)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The range that applies given the row's values: by the deciding column's value, else min/max.
   */
  Range rangeGiven(String[] values) {
    if (rangeByRule >= 0) {
      String by = values[rangeByRule];
      Range r = by == null ? null : rangesBy.get(by);
      if (r != null) {
        return r;
      }
    }
    return range;
  }
}
