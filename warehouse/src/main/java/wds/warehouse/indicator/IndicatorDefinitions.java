package wds.warehouse.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import wds.schemas.sql.SqlFile;
import wds.warehouse.model.ModelCatalog;

/**
 * Reads the definition files of computed indicators ({@code wds/warehouse/indicators/<CODE>.yml})
 * and checks them against the catalogue and the fact models, so that a wrong file fails the build
 * with its name and fault rather than computing something else.
 */
public final class IndicatorDefinitions {

  private static final String ROOT = "wds/warehouse/indicators/";
  private static final ObjectMapper YAML = YAMLMapper.builder().build();
  private static final Set<String> LEVELS = Set.of("county", "township");

  private final ModelCatalog models;

  public IndicatorDefinitions(ModelCatalog models) {
    this.models = models;
  }

  /** The definition of a computed catalogue entry. */
  public IndicatorDefinition load(CatalogueEntry entry) {
    String file = ROOT + entry.code() + ".yml";
    String text =
        SqlFile.find(file)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "computed indicator " + entry.code() + " has no definition file " + file));
    try {
      return parse(file, YAML.readTree(text), entry);
    } catch (RuntimeException e) {
      throw new IllegalStateException(file + ": " + e.getMessage(), e);
    }
  }

  private IndicatorDefinition parse(String file, JsonNode node, CatalogueEntry entry) {
    String code = required(node, "code").asString();
    if (!code.equals(entry.code())) {
      throw new IllegalArgumentException("code " + code + " in the file of " + entry.code());
    }
    Unit unit = node.has("unit") ? Unit.of(node.get("unit").asString()) : entry.unit();
    if (unit != entry.unit()) {
      throw new IllegalArgumentException(
          "unit " + unit.code() + " but the catalogue says " + entry.unit().code());
    }
    boolean bySex = node.path("by_sex").asBoolean(entry.bySex());
    if (bySex != entry.bySex()) {
      throw new IllegalArgumentException("by_sex " + bySex + " but the catalogue says otherwise");
    }
    List<String> levels = new ArrayList<>();
    if (node.has("areas")) {
      node.get("areas").forEach(l -> levels.add(l.asString()));
    } else {
      levels.addAll(List.of("county", "township"));
    }
    if (!LEVELS.containsAll(levels) || !levels.contains("county")) {
      throw new IllegalArgumentException("areas must be county and optionally township: " + levels);
    }
    Part denominator = node.has("denominator") ? part(file, node.get("denominator")) : null;
    if (denominator == null && unit != Unit.COUNT) {
      throw new IllegalArgumentException("a " + unit.code() + " needs a denominator");
    }
    return new IndicatorDefinition(
        code,
        unit,
        node.has("factor") ? new BigDecimal(node.get("factor").asString()) : unit.factor(),
        bySex,
        node.path("residence_split").asBoolean(false),
        levels,
        node.has("interval")
            ? IntervalMethod.valueOf(node.get("interval").asString().toUpperCase(Locale.ROOT))
            : unit.interval(),
        part(file, required(node, "numerator")),
        denominator,
        node.has("provisional_when") ? part(file, node.get("provisional_when")) : null);
  }

  private Part part(String file, JsonNode node) {
    String fact = required(node, "fact").asString();
    if (!fact.startsWith("fact_") || !models.contains(fact)) {
      throw new IllegalArgumentException("no fact model " + fact);
    }
    Reference reference = Reference.of(required(node, "reference").asString());
    int windowYears = node.path("window_years").asInt(1);
    if (windowYears < 1 || (reference != Reference.WINDOW && windowYears != 1)) {
      throw new IllegalArgumentException("window_years belongs to reference window, and is >= 1");
    }
    return new Part(
        fact,
        reference,
        node.path("year_offset").asInt(0),
        windowYears,
        node.has("where") ? node.get("where").asString() : "true",
        aggregate(file, node));
  }

  private static Aggregate aggregate(String file, JsonNode node) {
    List<Aggregate> found = new ArrayList<>();
    if (node.has("count")) {
      String count = node.get("count").asString();
      found.add(
          switch (count) {
            case "records" -> new Aggregate(Aggregate.Kind.RECORDS, null);
            case "persons" -> new Aggregate(Aggregate.Kind.PERSONS, null);
            default ->
                throw new IllegalArgumentException("count is records or persons, not " + count);
          });
    }
    if (node.has("count_distinct")) {
      found.add(new Aggregate(Aggregate.Kind.DISTINCT, node.get("count_distinct").asString()));
    }
    if (node.has("sum")) {
      found.add(new Aggregate(Aggregate.Kind.SUM, node.get("sum").asString()));
    }
    if (node.has("mean")) {
      found.add(new Aggregate(Aggregate.Kind.MEAN, node.get("mean").asString()));
    }
    if (found.size() != 1) {
      throw new IllegalArgumentException(
          "a part needs exactly one of count, count_distinct, sum, mean");
    }
    found.get(0).sql(file); // checks the expression now rather than at the query
    return found.get(0);
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("missing " + field);
    }
    return value;
  }
}
