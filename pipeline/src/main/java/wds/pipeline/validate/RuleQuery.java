package wds.pipeline.validate;

import static wds.schemas.sql.SqlFile.quote;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import wds.pipeline.ods.OdsColumn;
import wds.pipeline.ods.OdsTable;
import wds.schemas.Column;
import wds.schemas.ColumnType;
import wds.schemas.ExtractSchema;
import wds.schemas.sql.SqlFile;

/**
 * The validation query of one delivered file (or pull) of one extract, generated from its schema
 * and header: the rules of sources.md as set-based SQL over the file's raw table ({@code _line} and
 * one VARCHAR column {@code c1…cN} per header position), the first rule that holds naming each
 * rejected row's reason and column, and the typed warehouse row of every valid one.
 *
 * <p>Reasons are judged in the contract's order across all columns: first every column is checked
 * for {@code MISSING_REQUIRED}, then every identity number, then the sex columns for {@code
 * SEX_CONFLICT}, and so on; within one reason the first column in schema order is named. {@code
 * MALFORMED_ROW} is the reader's (before the raw table), {@code DUPLICATE_KEY} the loader's (it
 * needs the whole file). The words of each rejection are {@link RejectDetail}'s.
 */
public final class RuleQuery {

  /** One rule of the query: the reason it gives and the column it concerns. */
  public record Rule(RejectReason reason, Column column) {}

  private final ExtractSchema schema;
  private final OdsTable table;
  private final List<String> header;
  private final Map<String, Integer> positions = new HashMap<>();
  private final List<Rule> rules = new ArrayList<>();
  private final List<String> conditions = new ArrayList<>();

  /**
   * The query of records laid out as {@code header}.
   *
   * @param header the delivered column names: matched to the schema by exact name, in any order;
   *     names the schema does not know are ignored
   * @throws MissingColumnsException a column every file must have is absent, or a column is there
   *     twice: the delivery is refused
   */
  public RuleQuery(ExtractSchema schema, List<String> header) throws MissingColumnsException {
    this.schema = schema;
    this.table = OdsTable.of(schema);
    this.header = List.copyOf(header);
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
    for (Column c : schema.columns()) {
      if (c.sexOf() != null
          && schema.column(c.sexOf()).map(o -> o.type() != ColumnType.ID_NUMBER).orElse(true)) {
        throw new IllegalArgumentException(c.name() + ": sex_of names no identity-number column");
      }
      if (c.codesFrom() != null && !"indicators".equals(c.codesFrom())) {
        throw new IllegalArgumentException(
            c.name() + ": unknown codes_from list " + c.codesFrom() + " (only indicators)");
      }
      if (c.rangeBy().size() > 1) {
        throw new IllegalArgumentException(c.name() + ": range_by names more than one column");
      }
      for (String other : c.requiredUnless().keySet()) {
        requireColumn(c, other);
      }
      c.rangeBy().keySet().forEach(other -> requireColumn(c, other));
    }
    addRules();
  }

  private void requireColumn(Column c, String other) {
    if (schema.column(other).isEmpty()) {
      throw new IllegalArgumentException(
          c.name() + " refers to " + other + ", not a column of the extract");
    }
  }

  public ExtractSchema schema() {
    return schema;
  }

  public List<String> header() {
    return header;
  }

  /** The rules in the order they are judged; {@code _rule} is an index into this list. */
  public List<Rule> rules() {
    return List.copyOf(rules);
  }

  /**
   * Where column {@code name} is in the delivered record, -1 when the (optional) column is absent.
   */
  public int position(String name) {
    return positions.getOrDefault(name, -1);
  }

  /** The raw table's column of header position {@code i} (0-based), unquoted. */
  public static String rawColumn(int i) {
    return "c" + (i + 1);
  }

  /** The identity-number columns, whose distinct values are keyed in Java. */
  public List<Column> identityColumns() {
    return columns(c -> c.type() == ColumnType.ID_NUMBER);
  }

  /** The free-text columns kept only as keyed hashes (a student number). */
  public List<Column> pseudonymisedColumns() {
    return columns(c -> c.type() != ColumnType.ID_NUMBER && c.pseudonymise());
  }

  private List<Column> columns(Predicate<Column> which) {
    return schema.columns().stream().filter(which).toList();
  }

  private boolean isKey(Column c) {
    return schema.primaryKey().contains(c.name());
  }

  // ---------------------------------------------------------------- the rules, in contract order

  private void addRules() {
    for (Column c : schema.columns()) {
      if (c.required()) {
        add(RejectReason.MISSING_REQUIRED, c, fragment("missing", Map.of("value", value(c))));
      } else if (!c.requiredUnless().isEmpty()) {
        List<String> exemptions = new ArrayList<>();
        c.requiredUnless()
            .forEach(
                (other, values) ->
                    exemptions.add(
                        fragment(
                            "exemption",
                            Map.of("other", value(other), "values", literals(values)))));
        add(
            RejectReason.MISSING_REQUIRED,
            c,
            fragment(
                "missing_unless",
                Map.of("value", value(c), "exemptions", String.join(" OR ", exemptions))));
      }
    }
    for (Column c : identityColumns()) {
      add(
          RejectReason.BAD_ID_FORMAT,
          c,
          fragment("identity", Map.of("value", value(c), "person_key", keyOf(c, "person_key"))));
    }
    for (Column c : schema.columns()) {
      if (c.sexOf() != null) {
        Column id = schema.column(c.sexOf()).orElseThrow();
        add(
            RejectReason.SEX_CONFLICT,
            c,
            fragment("sex", Map.of("value", value(c), "id_sex", keyOf(id, "sex"))));
      }
    }
    for (Column c : schema.columns()) {
      if (c.type() == ColumnType.DATE) {
        add(RejectReason.BAD_DATE, c, fragment("bad_date", Map.of("value", value(c))));
      } else if (c.type() == ColumnType.TS) {
        add(RejectReason.BAD_DATE, c, fragment("bad_timestamp", Map.of("value", value(c))));
      }
    }
    for (Column c : schema.columns()) {
      Map<String, String> slots = Map.of("value", value(c), "extract_date", "ctx.extract_date");
      if (c.checksFuture()) {
        add(RejectReason.FUTURE_DATE, c, fragment("future_date", slots));
      } else if (c.type() == ColumnType.TS) {
        // an updated_at past the end of the extract day would win every later upsert of its record
        add(RejectReason.FUTURE_DATE, c, fragment("future_timestamp", slots));
      }
    }
    for (Column c : schema.columns()) {
      // every code, flag, area and key is checked for blanks, with or without a list of its own
      if (c.type() == ColumnType.FLAG
          || c.type() == ColumnType.CODE
          || c.type() == ColumnType.AREA
          || (c.type() == ColumnType.STR && isKey(c))) {
        add(RejectReason.BAD_CODE, c, badCode(c));
      }
    }
    for (Column c : schema.columns()) {
      if (c.type() == ColumnType.INT || c.type() == ColumnType.DEC) {
        String number = number(c);
        add(
            RejectReason.OUT_OF_RANGE,
            c,
            fragment(
                "out_of_range",
                Map.of("value", value(c), "number", number, "range", range(c, number))));
      }
    }
    for (Column c : schema.columns()) {
      if (c.type() == ColumnType.AREA) {
        add(
            RejectReason.UNKNOWN_AREA,
            c,
            fragment("unknown_area", Map.of("value", value(c), "areas", "{{areas}}")));
      }
    }
  }

  private void add(RejectReason reason, Column c, String condition) {
    conditions.add(
        fragment("when", Map.of("condition", condition, "index", Integer.toString(rules.size()))));
    rules.add(new Rule(reason, c));
  }

  /**
   * BAD_CODE of one column. A value with a blank is outside any code list and any flag's Y/N, so
   * the blank check (measured at 0.2 s per 921,091 values) runs only where nothing else would catch
   * it: free-text keys, codes without a list or with a pattern, and area codes not in the areas
   * extract (whose codes are 12 digits).
   */
  private String badCode(Column c) {
    if (c.type() == ColumnType.FLAG || (!c.codes().isEmpty() && c.pattern() == null)) {
      return fragment("bad_code_listed", Map.of("value", value(c), "faults", codeFaults(c)));
    }
    if (c.type() == ColumnType.AREA) {
      return fragment("bad_area_code", Map.of("value", value(c), "areas", "{{areas}}"));
    }
    return fragment("bad_code", Map.of("value", value(c), "faults", codeFaults(c)));
  }

  private String codeFaults(Column c) {
    List<String> faults = new ArrayList<>();
    if (c.type() == ColumnType.FLAG) {
      faults.add(fragment("flag_list", Map.of("value", value(c))));
    }
    if (!c.codes().isEmpty()) {
      faults.add(fragment("code_list", Map.of("value", value(c), "codes", literals(c.codes()))));
    }
    if (c.pattern() != null) {
      faults.add(
          fragment(
              "code_pattern", Map.of("value", value(c), "pattern", SqlFile.literal(c.pattern()))));
    }
    if ("indicators".equals(c.codesFrom())) {
      faults.add(fragment("code_table", Map.of("value", value(c), "codes", "{{indicator_codes}}")));
    }
    return faults.isEmpty() ? "false" : String.join(" OR ", faults);
  }

  private String number(Column c) {
    return (c.type() == ColumnType.INT ? "wds_int(" : "wds_dec(") + value(c) + ")";
  }

  private String range(Column c, String number) {
    String own = bounds(number, c.min(), c.max());
    if (c.rangeBy().isEmpty()) {
      return own;
    }
    Map.Entry<String, Map<String, List<BigDecimal>>> by = c.rangeBy().entrySet().iterator().next();
    String cases =
        by.getValue().entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(
                e ->
                    fragment(
                        "range_case",
                        Map.of(
                            "value",
                            SqlFile.literal(e.getKey()),
                            "range",
                            bounds(number, e.getValue().get(0), e.getValue().get(1)))))
            .collect(Collectors.joining(" "));
    return fragment("range_by", Map.of("by", value(by.getKey()), "cases", cases, "otherwise", own));
  }

  private static String bounds(String number, BigDecimal min, BigDecimal max) {
    if (min != null && max != null) {
      return fragment(
          "range_between",
          Map.of("number", number, "min", min.toPlainString(), "max", max.toPlainString()));
    }
    if (min != null) {
      return fragment("range_min", Map.of("number", number, "min", min.toPlainString()));
    }
    if (max != null) {
      return fragment("range_max", Map.of("number", number, "max", max.toPlainString()));
    }
    return fragment("range_none", Map.of());
  }

  // ---------------------------------------------------------------- the query

  /**
   * The statement that makes the judged table from the raw table.
   *
   * @param tables the names (quoted) for the slots {@code raw}, {@code judged}, {@code context},
   *     {@code areas}, {@code indicator_codes}, {@code pseudonyms} and {@code texts}
   */
  public String judge(Map<String, String> tables) {
    List<String> values = new ArrayList<>();
    for (Column c : schema.columns()) {
      values.add(delivered(c) + " AS " + quote(c.name()));
    }
    List<String> joins = new ArrayList<>();
    for (Column c : schema.columns()) {
      if (c.type() == ColumnType.ID_NUMBER || c.pseudonymise()) {
        joins.add(
            fragment(
                "join_keys",
                Map.of(
                    "table",
                    c.type() == ColumnType.ID_NUMBER ? "{{pseudonyms}}" : "{{texts}}",
                    "alias",
                    alias(c),
                    "column",
                    quote(c.name()))));
      }
    }
    Map<String, String> slots = new HashMap<>(tables);
    slots.put("values", String.join(", ", values));
    slots.put("typed", String.join(",\n  ", typed()));
    slots.put(
        "rules", conditions.isEmpty() ? "WHEN false THEN 0" : String.join("\n  ", conditions));
    slots.put("joins", String.join("\n", joins));
    // the rendered fragments name the context tables by slot: fill them in a second pass
    String once = file("judge").render(slots);
    return new SqlFile("judge.sql", once).statement(tables);
  }

  /**
   * The statement that writes the distinct values of the identity-number columns ({@code
   * identities} true) or of the pseudonymised text columns to {@code file}, one quoted value a
   * line.
   */
  public String distinctValues(String raw, boolean identities, String file) {
    List<String> selects = new ArrayList<>();
    for (Column c : identities ? identityColumns() : pseudonymisedColumns()) {
      selects.add(file("distinct_column").statement(Map.of("column", delivered(c), "raw", raw)));
    }
    return file("distinct_pseudonymised")
        .statement(
            Map.of("values", String.join(" UNION ALL ", selects), "file", SqlFile.literal(file)));
  }

  /** The typed expressions of the warehouse row, in {@code OdsTable.rowColumns()} order. */
  private List<String> typed() {
    List<String> typed = new ArrayList<>();
    Map<String, String> byName = new HashMap<>();
    for (Column c : schema.columns()) {
      String v = value(c);
      switch (c.type()) {
        case ID_NUMBER -> {
          byName.put(c.identityPrefix() + "person_key", keyOf(c, "person_key"));
          byName.put(c.identityPrefix() + "id_birth_date", keyOf(c, "birth_date"));
          byName.put(c.identityPrefix() + "id_sex", keyOf(c, "sex"));
        }
        case STR, CODE, AREA -> byName.put(c.name(), c.pseudonymise() ? keyOf(c, "person_key") : v);
        case INT -> byName.put(c.name(), "wds_int(" + v + ")");
        case DEC -> byName.put(c.name(), "wds_dec(" + v + ")");
        case DATE -> byName.put(c.name(), "wds_date(" + v + ")");
        case TS -> byName.put(c.name(), "wds_timestamp(" + v + ")");
        case FLAG -> byName.put(c.name(), "wds_flag(" + v + ")");
      }
    }
    // a missing or empty deleted flag is no tombstone
    byName.put(
        "deleted",
        schema.column("deleted").isPresent()
            ? "coalesce(wds_flag(" + value("deleted") + "), false)"
            : "false");
    for (OdsColumn c : table.rowColumns()) {
      typed.add(byName.get(c.name()) + " AS " + quote(c.name()));
    }
    return typed;
  }

  /**
   * The delivered value of {@code c} as the rules read it: exactly as delivered, null when empty
   * (or absent). A value of blanks only counts as empty in free text, in a key and in an identity
   * number (a key of blanks is {@code MISSING_REQUIRED}, sources.md).
   */
  private String delivered(Column c) {
    int p = position(c.name());
    if (p < 0) {
      return "CAST(NULL AS VARCHAR)";
    }
    String raw = quote(rawColumn(p));
    boolean blankIsEmpty =
        c.type() == ColumnType.STR || c.type() == ColumnType.ID_NUMBER || isKey(c);
    return blankIsEmpty ? "wds_unblank(" + raw + ")" : "nullif(" + raw + ", '')";
  }

  private static String value(Column c) {
    return value(c.name());
  }

  private static String value(String name) {
    return "delivered." + quote(name);
  }

  private String alias(Column c) {
    return quote("k_" + c.name());
  }

  private String keyOf(Column c, String field) {
    return alias(c) + "." + quote(field);
  }

  private static String literals(List<String> values) {
    return values.stream().map(SqlFile::literal).collect(Collectors.joining(", "));
  }

  private static String fragment(String name, Map<String, String> slots) {
    return file("rule/" + name).statement(slots);
  }

  private static SqlFile file(String name) {
    return SqlFile.load(RuleQuery.class, "sql/" + name + ".sql").withoutComments();
  }

  /** The macros the query calls, made once per connection. */
  public static List<String> macros() {
    return file("rule_macros").statements(Map.of());
  }

  /** The statements that make a file's context tables. */
  public static List<String> createContext(Map<String, String> tables) {
    return file("create_context").statements(tables);
  }

  /**
   * The statements that read the keys Java wrote (parameters: the identity file, the text file).
   */
  public static List<String> createKeys(Map<String, String> tables) {
    return file("create_keys").statements(tables);
  }
}
