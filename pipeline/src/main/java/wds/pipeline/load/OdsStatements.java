package wds.pipeline.load;

import static wds.schemas.sql.SqlFile.quote;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import wds.pipeline.ods.OdsColumn;
import wds.pipeline.ods.OdsTable;

/**
 * The SQL of one extract's load, from the {@code .sql} files with this extract's table and column
 * names filled in: its operational-layer table, its staging tables, duplicate detection, the upsert
 * and full-mode deletion.
 */
public final class OdsStatements {

  private final OdsTable table;
  private final Map<String, String> fragments = new HashMap<>();

  public OdsStatements(OdsTable table) {
    this.table = table;
    List<OdsColumn> rows = table.rowColumns();
    List<OdsColumn> keys = table.columns().stream().filter(OdsColumn::key).toList();
    List<OdsColumn> content = rows.stream().filter(c -> !c.key()).toList();
    String base = table.schema().source() + "__" + table.schema().extract();
    fragments.put("table", quote(table.name()));
    fragments.put("staging", quote("stage_" + base));
    fragments.put("rejected_keys", quote("stage_" + base + "__rejected_keys"));
    fragments.put("conflicts", quote("stage_" + base + "__conflicts"));
    fragments.put("raw", quote("stage_" + base + "__raw"));
    fragments.put("raw_direct", quote("stage_" + base + "__raw_direct"));
    fragments.put("raw_java", quote("stage_" + base + "__raw_java"));
    fragments.put("shifts", quote("stage_" + base + "__shifts"));
    // the rules query makes the staging table itself (every row, typed, with its _rule): the
    // rejected rows leave it once they are quarantined, so the valid rows are not copied again
    fragments.put("judged", quote("stage_" + base));
    fragments.put("pseudonyms", quote("stage_" + base + "__pseudonyms"));
    fragments.put("texts", quote("stage_" + base + "__texts"));
    fragments.put("context", quote("stage_" + base + "__context"));
    fragments.put("areas", quote("stage_" + base + "__areas"));
    fragments.put("indicator_codes", quote("stage_" + base + "__indicator_codes"));
    fragments.put("column_definitions", join(table.columns(), OdsStatements::definition, ",\n  "));
    fragments.put("key_text_definitions", join(keys, c -> quote(c.name()) + " VARCHAR", ", "));
    fragments.put("key", join(keys, c -> quote(c.name()), ", "));
    fragments.put("row_columns", join(rows, c -> quote(c.name()), ", "));
    fragments.put("content", join(content, c -> quote(c.name()), ", "));
    fragments.put(
        "key_as_text",
        join(keys, c -> "CAST(s." + quote(c.name()) + " AS VARCHAR) AS " + quote(c.name()), ", "));
    fragments.put(
        "update_from_staging",
        join(content, c -> quote(c.name()) + " = s." + quote(c.name()), ",\n    "));
    fragments.put(
        "content_differs",
        join(
            content,
            c -> "s." + quote(c.name()) + " IS DISTINCT FROM t." + quote(c.name()),
            "\n           OR "));
    fragments.put(
        "key_match_staging",
        join(keys, c -> "s." + quote(c.name()) + " = t." + quote(c.name()), " AND "));
    fragments.put(
        "key_match_rejected",
        join(
            keys,
            c ->
                "TRY_CAST(trim(r."
                    + quote(c.name())
                    + ") AS "
                    + c.sqlType()
                    + ") = t."
                    + quote(c.name()),
            " AND "));
  }

  public OdsTable table() {
    return table;
  }

  /** The staging table's name, unquoted. */
  public String stagingTable() {
    return "stage_" + table.schema().source() + "__" + table.schema().extract();
  }

  /** The rejected-keys table's name, unquoted (for the Appender). */
  public String rejectedKeysTable() {
    return stagingTable() + "__rejected_keys";
  }

  /** The names of the per-file tables, for the slots of the validation query. */
  public Map<String, String> tables() {
    Map<String, String> tables = new HashMap<>();
    for (String name :
        List.of("raw", "judged", "pseudonyms", "texts", "context", "areas", "indicator_codes")) {
      tables.put(name, fragments.get(name));
    }
    return tables;
  }

  /** A table's name, unquoted (for the Appender): {@code stage_<source>__<extract>__<role>}. */
  public String stagingTable(String role) {
    return stagingTable() + "__" + role;
  }

  /** The statements of {@code template} with this extract's slots and {@code more}. */
  public List<String> sql(String template, Map<String, String> more) {
    Map<String, String> slots = new HashMap<>(fragments);
    slots.putAll(more);
    return LoadAudit.file(template).statements(slots);
  }

  public List<String> sql(String template) {
    return LoadAudit.file(template).statements(fragments);
  }

  public String single(String template) {
    return LoadAudit.file(template).statement(fragments);
  }

  private static String definition(OdsColumn c) {
    return quote(c.name()) + " " + c.sqlType() + (c.key() ? " NOT NULL" : "");
  }

  private static String join(
      List<OdsColumn> columns, Function<OdsColumn, String> f, String separator) {
    return columns.stream().map(f).collect(Collectors.joining(separator));
  }
}
