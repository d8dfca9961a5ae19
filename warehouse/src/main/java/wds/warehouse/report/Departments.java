package wds.warehouse.report;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import wds.schemas.ExtractSchema;
import wds.schemas.SchemaCatalog;
import wds.schemas.sql.SqlFile;

/**
 * The department answerable for a computed indicator's data: the source system of its numerator's
 * fact ({@code fact_births} is the extract {@code health/births}), named as a report names it
 * ({@code departments.yml}).
 */
final class Departments {

  private static final ObjectMapper YAML = YAMLMapper.builder().build();
  private static final JsonNode NAMES =
      YAML.readTree(SqlFile.text("wds/warehouse/report/departments.yml"));
  private static final SchemaCatalog SCHEMAS = SchemaCatalog.load();
  private static final java.util.Map<String, java.util.List<String>> EXTRACTS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Departments() {}

  /** The department of the computed indicator {@code code}, from its definition file. */
  static String ofComputed(String code) {
    JsonNode definition = YAML.readTree(SqlFile.text("wds/warehouse/indicators/" + code + ".yml"));
    String fact = definition.path("numerator").path("fact").asString();
    String extract = fact.replaceFirst("^fact_", "");
    String source =
        SCHEMAS.all().stream()
            .filter(s -> s.extract().equals(extract))
            .map(ExtractSchema::source)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(code + ": no extract for " + fact));
    return name(source);
  }

  /**
   * The source extracts of a computed indicator's numerator and denominator ({@code
   * health/births}), from its definition file; empty for a reported indicator.
   */
  static java.util.List<String> extracts(String code) {
    // read once per indicator: every report states every indicator
    return EXTRACTS.computeIfAbsent(code, Departments::readExtracts);
  }

  private static java.util.List<String> readExtracts(String code) {
    String file = "wds/warehouse/indicators/" + code + ".yml";
    java.util.Optional<String> text = SqlFile.find(file);
    if (text.isEmpty()) {
      return java.util.List.of();
    }
    JsonNode definition = YAML.readTree(text.get());
    java.util.List<String> extracts = new java.util.ArrayList<>();
    for (String part : new String[] {"numerator", "denominator"}) {
      String fact = definition.path(part).path("fact").asString("");
      String extract = fact.replaceFirst("^fact_", "");
      SCHEMAS.all().stream()
          .filter(s -> s.extract().equals(extract))
          .map(s -> s.source() + "/" + s.extract())
          .findFirst()
          .filter(e -> !extracts.contains(e))
          .ifPresent(extracts::add);
    }
    return java.util.List.copyOf(extracts);
  }

  /** The department's name for a source system ({@code health}); the code when none is given. */
  static String name(String source) {
    JsonNode name = NAMES.path(source);
    return name.isMissingNode() ? source : name.asString();
  }
}
