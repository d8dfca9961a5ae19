package wds.schemas;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import wds.schemas.sql.SqlFile;

/**
 * The catalogue of every extract the departments send, read from the schema files under {@code
 * wds/schemas/} on the class path. The files are the description; this class only reads them.
 */
public final class SchemaCatalog {

  private static final String ROOT = "wds/schemas/";
  private static final ObjectMapper YAML = YAMLMapper.builder().build();

  private final Map<String, ExtractSchema> extracts;
  private final List<String> sources;

  private SchemaCatalog(Map<String, ExtractSchema> extracts, List<String> sources) {
    this.extracts = extracts;
    this.sources = sources;
  }

  /** Reads the catalogue named by {@code wds/schemas/index.yml}, in the index's order. */
  public static SchemaCatalog load() {
    JsonNode index = read("index.yml");
    Map<String, ExtractSchema> extracts = new LinkedHashMap<>();
    List<String> sources = new ArrayList<>();
    for (JsonNode source : index.get("sources")) {
      String sourceName = source.get("source").asString();
      sources.add(sourceName);
      for (JsonNode extract : source.get("extracts")) {
        ExtractSchema schema = parse(read(sourceName + "/" + extract.asString() + ".yml"));
        if (!schema.source().equals(sourceName) || !schema.extract().equals(extract.asString())) {
          throw new IllegalStateException(
              schema.qualifiedName() + " filed as " + sourceName + "/" + extract.asString());
        }
        extracts.put(schema.qualifiedName(), schema);
      }
    }
    return new SchemaCatalog(Collections.unmodifiableMap(extracts), List.copyOf(sources));
  }

  /**
   * Every extract in load order: {@code population} first, since its {@code areas} check the area
   * codes of every other extract.
   */
  public List<ExtractSchema> all() {
    return List.copyOf(extracts.values());
  }

  /** The source systems, in load order. */
  public List<String> sources() {
    return sources;
  }

  public List<ExtractSchema> ofSource(String source) {
    return extracts.values().stream().filter(e -> e.source().equals(source)).toList();
  }

  public ExtractSchema get(String source, String extract) {
    ExtractSchema schema = extracts.get(source + "/" + extract);
    if (schema == null) {
      throw new NoSuchElementException(
          "no extract " + source + "/" + extract + " in the catalogue");
    }
    return schema;
  }

  private static JsonNode read(String name) {
    return YAML.readTree(SqlFile.text(ROOT + name));
  }

  private static ExtractSchema parse(JsonNode node) {
    List<Column> columns = new ArrayList<>();
    for (JsonNode c : node.get("columns")) {
      columns.add(
          new Column(
              c.get("name").asString(),
              ColumnType.fromYaml(c.get("type").asString()),
              c.path("required").asBoolean(false),
              c.path("optional").asBoolean(false),
              strings(c.get("codes")),
              text(c, "codes_from"),
              text(c, "pattern"),
              decimal(c.get("min")),
              decimal(c.get("max")),
              rangeBy(c.get("range_by")),
              c.path("ends_spell").asBoolean(false),
              requiredUnless(c.get("required_unless")),
              text(c, "sex_of"),
              c.path("pseudonymise").asBoolean(false),
              text(c, "description")));
    }
    return new ExtractSchema(
        node.get("source").asString(),
        node.get("extract").asString(),
        text(node, "description"),
        text(node, "grain"),
        strings(node.get("primary_key")),
        columns);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    if (array != null) {
      array.forEach(v -> values.add(v.asString()));
    }
    return values;
  }

  private static BigDecimal decimal(JsonNode value) {
    return value == null || value.isNull() ? null : new BigDecimal(value.asString());
  }

  private static Map<String, Map<String, List<BigDecimal>>> rangeBy(JsonNode node) {
    Map<String, Map<String, List<BigDecimal>>> result = new LinkedHashMap<>();
    if (node != null) {
      for (Map.Entry<String, JsonNode> byColumn : node.properties()) {
        Map<String, List<BigDecimal>> ranges = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> range : byColumn.getValue().properties()) {
          ranges.put(
              range.getKey(),
              List.of(decimal(range.getValue().get(0)), decimal(range.getValue().get(1))));
        }
        result.put(byColumn.getKey(), ranges);
      }
    }
    return result;
  }

  private static Map<String, List<String>> requiredUnless(JsonNode node) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    if (node != null) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        result.put(entry.getKey(), strings(entry.getValue()));
      }
    }
    return result;
  }
}
