package wds.pipeline.validate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import wds.pipeline.ods.OdsColumn;
import wds.pipeline.ods.OdsTable;
import wds.pipeline.person.IdentityNumber;
import wds.pipeline.person.InvalidIdentityNumberException;
import wds.pipeline.person.InvalidIdentityNumberException.Fault;
import wds.pipeline.person.Sex;
import wds.pipeline.read.RawRecord;
import wds.schemas.Column;
import wds.schemas.ColumnType;
import wds.schemas.ExtractSchema;

/**
 * The validator of one delivered file (or pull) of one extract: turns each raw record into a typed,
 * pseudonymised warehouse row, or into the first reason code of sources.md that applies to it.
 *
 * <p>Reasons are judged in the contract's order across all columns: first every column is checked
 * for {@code MISSING_REQUIRED}, then every identity number for its format and checksum, then the
 * sex columns for {@code SEX_CONFLICT}, and so on; within one reason, the first column in schema
 * order is named. {@code DUPLICATE_KEY} is the loader's: it needs the whole file. The rules and
 * choices are in pipeline/INGESTION-VALIDATION.md.
 *
 * <p>A validator is immutable and may be shared between threads.
 */
public final class RowValidator {

  private final ExtractSchema schema;
  private final ValidationContext context;
  private final int headerWidth;
  private final int rowWidth;
  private final int deletedTarget;
  private final ColumnRule[] rules;
  private final ColumnRule[] requiredChecks;
  private final ColumnRule[] idRules;
  private final ColumnRule[] sexRules;
  private final ColumnRule[] dateRules;
  private final ColumnRule[] futureRules;
  private final ColumnRule[] codeRules;
  private final ColumnRule[] codeChecks;
  private final ColumnRule[] numberRules;
  private final ColumnRule[] areaRules;
  private final ColumnRule[] textRules;
  private final Step[] steps;
  private final String[] headerNames;

  /**
   * The longest value taken (sources.md, reason 1): a longer one makes its row {@code
   * MALFORMED_ROW}, so that no value of megabytes reaches staging, the quarantine or a detail.
   */
  public static final int MAX_FIELD_CHARS = 100_000;

  /**
   * A validator for records laid out as {@code header}.
   *
   * @param header the delivered column names: matched to the schema by exact name, in any order;
   *     names the schema does not know are ignored
   * @throws MissingColumnsException a column every file must have is absent, or a column is there
   *     twice: the delivery is refused
   */
  public RowValidator(ExtractSchema schema, List<String> header, ValidationContext context)
      throws MissingColumnsException {
    this.schema = schema;
    this.context = context;
    this.headerWidth = header.size();
    this.headerNames = header.toArray(new String[0]);

    Map<String, Integer> positions = new HashMap<>();
    Set<String> duplicated = new LinkedHashSet<>();
    for (int i = 0; i < header.size(); i++) {
      if (positions.putIfAbsent(header.get(i), i) != null
          && schema.column(header.get(i)).isPresent()) {
        duplicated.add(header.get(i));
      }
    }
    List<String> missing = new ArrayList<>();
    for (Column c : schema.mandatoryColumns()) {
      if (!positions.containsKey(c.name())) {
        missing.add(c.name());
      }
    }
    if (!missing.isEmpty() || !duplicated.isEmpty()) {
      throw new MissingColumnsException(schema.qualifiedName(), missing, List.copyOf(duplicated));
    }

    List<OdsColumn> row = OdsTable.of(schema).rowColumns();
    this.rowWidth = row.size();
    Map<String, Integer> targets = new HashMap<>();
    for (int i = 0; i < row.size(); i++) {
      targets.put(row.get(i).name(), i);
    }
    this.deletedTarget = targets.get("deleted");

    Map<String, Integer> rulePositions = new HashMap<>();
    List<Column> columns = schema.columns();
    for (int i = 0; i < columns.size(); i++) {
      rulePositions.put(columns.get(i).name(), i);
    }
    this.rules = new ColumnRule[columns.size()];
    int ids = 0;
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      String targetName =
          c.type() == ColumnType.ID_NUMBER ? c.identityPrefix() + "person_key" : c.name();
      rules[i] =
          new ColumnRule(
              c, i, positions.getOrDefault(c.name(), -1), targets.get(targetName), rulePositions);
      if (c.type() == ColumnType.ID_NUMBER) {
        rules[i].idSlot = ids++;
      }
    }
    for (String key : schema.primaryKey()) {
      Integer p = rulePositions.get(key);
      if (p != null) {
        rules[p].key = true;
      }
    }
    for (ColumnRule r : rules) {
      if (r.column.sexOf() != null) {
        Integer id = rulePositions.get(r.column.sexOf());
        if (id == null || rules[id].type != ColumnType.ID_NUMBER) {
          throw new IllegalArgumentException(r.name + ": sex_of names no identity-number column");
        }
        r.sexOfRule = id;
      }
    }
    this.requiredChecks = select(r -> r.required || r.unlessRules.length > 0);
    this.idRules = select(r -> r.type == ColumnType.ID_NUMBER);
    this.sexRules = select(r -> r.sexOfRule >= 0);
    this.dateRules = select(r -> r.type == ColumnType.DATE || r.type == ColumnType.TS);
    // an updated_at past the end of the extract day would win every later upsert of its record
    this.futureRules = select(r -> r.checksFuture || r.type == ColumnType.TS);
    this.codeRules =
        select(
            r ->
                r.type == ColumnType.FLAG
                    || (r.type == ColumnType.CODE
                        && (r.codes != null || r.pattern != null || r.indicatorCodes)));
    // every code, flag, area and key is checked for blanks, with or without a list of its own
    this.codeChecks =
        select(
            r ->
                r.type == ColumnType.FLAG
                    || r.type == ColumnType.CODE
                    || r.type == ColumnType.AREA
                    || (r.type == ColumnType.STR && r.key));
    this.numberRules = select(r -> r.type == ColumnType.INT || r.type == ColumnType.DEC);
    this.areaRules = select(r -> r.type == ColumnType.AREA);
    this.textRules =
        select(
            r ->
                r.type == ColumnType.STR || r.type == ColumnType.CODE || r.type == ColumnType.AREA);
    this.steps = steps();
  }

  private ColumnRule[] select(java.util.function.Predicate<ColumnRule> which) {
    List<ColumnRule> chosen = new ArrayList<>();
    for (ColumnRule r : rules) {
      if (which.test(r)) {
        chosen.add(r);
      }
    }
    return chosen.toArray(new ColumnRule[0]);
  }

  public ExtractSchema schema() {
    return schema;
  }

  /**
   * One step of validation in the contract's order: the first reason it finds, or null. Each step
   * is a method of its own, called through this interface: the JIT then compiles each step apart,
   * and a branch first taken by a later extract recompiles that step, not all of validation (one
   * inlined {@code validate} was compiled nine times in a cold load, ~1.7 s of CPU).
   */
  @FunctionalInterface
  private interface Step {
    Outcome.Rejected check(Work w);
  }

  /** One record on its way through the steps: its values, identity numbers and typed row. */
  private record Work(String[] values, IdentityNumber[] ids, Object[] row) {}

  private Step[] steps() {
    List<Step> steps = new ArrayList<>();
    if (requiredChecks.length > 0) {
      steps.add(this::missingRequired);
    }
    if (idRules.length > 0) {
      steps.add(this::badIdentityNumber);
    }
    if (sexRules.length > 0) {
      steps.add(this::sexConflict);
    }
    if (dateRules.length > 0) {
      steps.add(this::badDate);
    }
    if (futureRules.length > 0) {
      steps.add(this::futureDate);
    }
    if (codeChecks.length > 0) {
      steps.add(this::badCode);
    }
    if (numberRules.length > 0) {
      steps.add(this::outOfRange);
    }
    if (areaRules.length > 0) {
      steps.add(this::unknownArea);
    }
    return steps.toArray(new Step[0]);
  }

  /**
   * Validates one record: its typed row in {@code OdsTable.of(schema).rowColumns()} order, or why
   * not.
   */
  public Outcome validate(RawRecord record) {
    if (record.isMalformed()) {
      return new Outcome.Rejected(RejectReason.MALFORMED_ROW, null, record.malformed());
    }
    String[] raw = record.values();
    if (raw.length != headerWidth) {
      return new Outcome.Rejected(
          RejectReason.MALFORMED_ROW,
          null,
          raw.length + " fields where the header has " + headerWidth);
    }
    Outcome.Rejected unreadable = controlOrLength(raw);
    if (unreadable != null) {
      return unreadable;
    }
    String[] values = new String[rules.length];
    for (int i = 0; i < rules.length; i++) {
      values[i] = rules[i].normalise(raw);
    }
    Work w = new Work(values, new IdentityNumber[idRules.length], new Object[rowWidth]);
    for (Step step : steps) {
      Outcome.Rejected rejected = step.check(w);
      if (rejected != null) {
        return rejected;
      }
    }
    return new Outcome.Valid(complete(w));
  }

  /**
   * {@code MALFORMED_ROW} for a control character (U+0000–U+001F, U+007F) in any delivered value,
   * CR and LF aside: a line break is kept in free text and is its column's fault elsewhere. Also
   * for a value longer than {@link #MAX_FIELD_CHARS}.
   */
  private Outcome.Rejected controlOrLength(String[] raw) {
    for (int i = 0; i < raw.length; i++) {
      String v = raw[i];
      int n = v.length();
      if (n > MAX_FIELD_CHARS) {
        return new Outcome.Rejected(
            RejectReason.MALFORMED_ROW,
            null,
            field(i) + ": a value of " + n + " characters, over the limit of " + MAX_FIELD_CHARS);
      }
      for (int k = 0; k < n; k++) {
        char c = v.charAt(k);
        if ((c < ' ' && c != '\n' && c != '\r') || c == 0x7f) {
          return new Outcome.Rejected(
              RejectReason.MALFORMED_ROW,
              null,
              field(i) + String.format(": a control character U+%04X", (int) c));
        }
      }
    }
    return null;
  }

  private String field(int i) {
    return "field " + (i + 1) + " (" + wds.pipeline.log.LogText.escape(headerNames[i]) + ")";
  }

  private Outcome.Rejected missingRequired(Work w) {
    for (ColumnRule r : requiredChecks) {
      if (w.values[r.position] == null && r.requiredGiven(w.values)) {
        return reject(RejectReason.MISSING_REQUIRED, r, missingDetail(r));
      }
    }
    return null;
  }

  private Outcome.Rejected badIdentityNumber(Work w) {
    for (ColumnRule r : idRules) {
      String v = w.values[r.position];
      if (v == null) {
        continue;
      }
      if (ColumnRule.hasBlank(v)) {
        return reject(RejectReason.BAD_ID_FORMAT, r, BLANK);
      }
      try {
        IdentityNumber id = IdentityNumber.parse(v);
        if (id.birthDate().isAfter(context.extractDate())) {
          return reject(
              RejectReason.BAD_ID_FORMAT,
              r,
              "the birth date inside the number is after the extract date "
                  + context.extractDate());
        }
        w.ids[r.idSlot] = id;
      } catch (InvalidIdentityNumberException e) {
        RejectReason reason =
            e.fault() == Fault.CHECKSUM ? RejectReason.BAD_ID_CHECKSUM : RejectReason.BAD_ID_FORMAT;
        // the exception's message names the fault, never the number
        return reject(reason, r, e.getMessage());
      }
    }
    return null;
  }

  private Outcome.Rejected sexConflict(Work w) {
    for (ColumnRule r : sexRules) {
      Sex stated = w.values[r.position] == null ? null : Sex.ofCode(w.values[r.position]);
      IdentityNumber id = w.ids[rules[r.sexOfRule].idSlot];
      if (stated != null && stated.isStated() && id != null && stated != id.sex()) {
        return reject(
            RejectReason.SEX_CONFLICT,
            r,
            "sex "
                + stated.code()
                + " contradicts the sex "
                + id.sex().code()
                + " encoded in "
                + rules[r.sexOfRule].name);
      }
    }
    return null;
  }

  private Outcome.Rejected badDate(Work w) {
    for (ColumnRule r : dateRules) {
      String v = w.values[r.position];
      if (v == null) {
        continue;
      }
      if (r.type == ColumnType.DATE) {
        LocalDate d = IsoDates.date(v);
        if (d == null) {
          return reject(
              RejectReason.BAD_DATE,
              r,
              shown(v) + " is not an ISO date yyyy-MM-dd of the calendar");
        }
        w.row[r.target] = d;
      } else {
        LocalDateTime t = IsoDates.dateTime(v);
        if (t == null) {
          return reject(
              RejectReason.BAD_DATE,
              r,
              shown(v) + " is not an ISO local date-time yyyy-MM-ddTHH:mm:ss");
        }
        w.row[r.target] = t;
      }
    }
    return null;
  }

  private Outcome.Rejected futureDate(Work w) {
    for (ColumnRule r : futureRules) {
      Object value = w.row[r.target];
      if (value instanceof LocalDate d && d.isAfter(context.extractDate())) {
        return reject(
            RejectReason.FUTURE_DATE, r, d + " is after the extract date " + context.extractDate());
      }
      if (value instanceof LocalDateTime t
          && !t.isBefore(context.extractDate().plusDays(1).atStartOfDay())) {
        return reject(
            RejectReason.FUTURE_DATE,
            r,
            t + " is after the end of the extract date " + context.extractDate());
      }
    }
    return null;
  }

  private Outcome.Rejected badCode(Work w) {
    for (ColumnRule r : codeChecks) {
      String v = w.values[r.position];
      if (v == null) {
        continue;
      }
      if (ColumnRule.hasBlank(v)) {
        return reject(RejectReason.BAD_CODE, r, BLANK);
      }
      String fault = codeFault(r, v);
      if (fault != null) {
        return reject(RejectReason.BAD_CODE, r, fault);
      }
    }
    return null;
  }

  private Outcome.Rejected outOfRange(Work w) {
    String[] values = w.values;
    for (ColumnRule r : numberRules) {
      String v = values[r.position];
      if (v == null) {
        continue;
      }
      ColumnRule.Range range = r.rangeGiven(values);
      if (r.type == ColumnType.INT) {
        long n = Numbers.parseLong(v);
        if (n == Numbers.NOT_A_NUMBER) {
          return reject(RejectReason.OUT_OF_RANGE, r, shown(v) + " is not a whole number");
        }
        if (range != null && !range.contains(n)) {
          return reject(
              RejectReason.OUT_OF_RANGE,
              r,
              shown(v) + " is outside " + rangeText(r, range, values));
        }
        w.row[r.target] = n;
      } else {
        BigDecimal n = Numbers.parseDecimal(v);
        if (n == null) {
          return reject(
              RejectReason.OUT_OF_RANGE,
              r,
              shown(v) + " is not a decimal number of at most 14 digits before the point");
        }
        if (range != null && !range.contains(n)) {
          return reject(
              RejectReason.OUT_OF_RANGE,
              r,
              shown(v) + " is outside " + rangeText(r, range, values));
        }
        w.row[r.target] = n;
      }
    }
    return null;
  }

  private Outcome.Rejected unknownArea(Work w) {
    for (ColumnRule r : areaRules) {
      String v = w.values[r.position];
      if (v != null && !context.areaCodes().contains(v)) {
        return reject(RejectReason.UNKNOWN_AREA, r, shown(v) + " is not in the areas extract");
      }
    }
    return null;
  }

  /** A valid record's row: what the checks did not already convert filled in. */
  private Object[] complete(Work w) {
    String[] values = w.values;
    Object[] row = w.row;
    for (ColumnRule r : textRules) {
      String v = values[r.position];
      row[r.target] =
          v != null && r.column.pseudonymise() ? context.pseudonymiser().keyOfText(v) : v;
    }
    for (ColumnRule r : codeRules) {
      if (r.type == ColumnType.FLAG) {
        String v = values[r.position];
        row[r.target] = v == null ? null : v.equals("Y") ? Boolean.TRUE : Boolean.FALSE;
      }
    }
    for (ColumnRule r : idRules) {
      IdentityNumber id = w.ids[r.idSlot];
      if (id != null) {
        row[r.target] = context.pseudonymiser().key(id);
        row[r.target + 1] = id.birthDate();
        row[r.target + 2] = id.sex().code();
      }
    }
    // a missing or empty deleted flag is no tombstone
    row[deletedTarget] = row[deletedTarget] == null ? Boolean.FALSE : row[deletedTarget];
    return row;
  }

  /** The detail of a value holding a blank: values are taken as delivered, never trimmed. */
  private static final String BLANK =
      "holds a blank or a line break (values are taken as delivered, without trimming)";

  private static Outcome.Rejected reject(RejectReason reason, ColumnRule r, String detail) {
    return new Outcome.Rejected(reason, r.name, r.name + ": " + detail);
  }

  private String missingDetail(ColumnRule r) {
    if (r.required) {
      return r.source < 0 ? "the column is absent" : "empty";
    }
    return "empty, and it is required unless " + r.column.requiredUnless();
  }

  private String codeFault(ColumnRule r, String v) {
    if (r.type == ColumnType.FLAG) {
      return v.equals("Y") || v.equals("N") ? null : shown(v) + " is not Y or N";
    }
    if (r.codes != null && !r.codes.contains(v)) {
      return shown(v) + " is not one of " + String.join(", ", r.column.codes());
    }
    if (r.pattern != null && !r.pattern.matcher(v).matches()) {
      return shown(v) + " does not match " + r.pattern.pattern();
    }
    if (r.indicatorCodes && !context.indicatorCodes().contains(v)) {
      return shown(v) + " is not a code of the indicator catalogue";
    }
    return null;
  }

  private static String rangeText(ColumnRule r, ColumnRule.Range range, String[] values) {
    if (r.rangeByRule >= 0
        && values[r.rangeByRule] != null
        && r.rangesBy.containsKey(values[r.rangeByRule])) {
      return range.describe() + " (for " + r.rangeByColumn + " " + values[r.rangeByRule] + ")";
    }
    return range.describe();
  }

  /**
   * A delivered value as a detail may quote it. Values longer than 12 characters (an area code's
   * length) are not quoted, only counted: an identity number (15 or 18 characters) put in the wrong
   * column must not reach the detail.
   */
  static String shown(String v) {
    return v.length() <= 12
        ? "'" + wds.pipeline.log.LogText.escape(v) + "'"
        : "a value of " + v.length() + " characters";
  }
}
