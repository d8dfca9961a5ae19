package wds.warehouse.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import wds.schemas.sql.SqlFile;

/**
 * The warehouse's SQL models in build order, read from {@code wds/warehouse/models/index.yml} and
 * the {@code .sql}/{@code .yml} pair of each model.
 */
public record ModelCatalog(List<Model> models) {

  private static final String ROOT = "wds/warehouse/models/";
  private static final ObjectMapper YAML = YAMLMapper.builder().build();

  public ModelCatalog {
    models = List.copyOf(models);
  }

  /** Every model named by the index, in its order. */
  public static ModelCatalog load() {
    return load(ROOT);
  }

  /** The models named by {@code <root>index.yml} (a class-path folder ending in {@code /}). */
  static ModelCatalog load(String root) {
    JsonNode index = YAML.readTree(SqlFile.text(root + "index.yml"));
    List<Model> models = new ArrayList<>();
    for (JsonNode layer : index.get("layers")) {
      String layerName = layer.get("layer").asString();
      boolean engine = layer.path("engine").asBoolean(false);
      String materialized = layer.path("materialized").asString("table");
      for (JsonNode name : layer.get("models")) {
        models.add(read(root, layerName, name.asString(), engine, materialized));
      }
    }
    return new ModelCatalog(models);
  }

  public Model get(String name) {
    return models.stream()
        .filter(m -> m.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no model " + name));
  }

  public boolean contains(String name) {
    return models.stream().anyMatch(m -> m.name().equals(name));
  }

  private static Model read(
      String root, String layer, String name, boolean engine, String layerMaterialized) {
    String base = root + layer + "/" + name;
    String sql = SqlFile.text(base + ".sql");
    JsonNode yml = YAML.readTree(SqlFile.text(base + ".yml"));
    JsonNode description = yml.get("description");
    if (description == null || description.asString().isBlank()) {
      throw new IllegalStateException(
          base + ".yml: no description (its first sentence is the grain)");
    }
    List<String> parameters = strings(yml.get("parameters"));
    List<ModelTest> tests = new ArrayList<>();
    JsonNode declared = yml.get("tests");
    if (declared != null) {
      for (JsonNode test : declared) {
        tests.add(test(base + ".yml", test));
      }
    }
    boolean view = view(base + ".yml", yml.path("materialized").asString(layerMaterialized));
    if (view && !tests.isEmpty()) {
      // a view is not in the snapshot the gate tests: its tests would never run
      throw new IllegalStateException(
          base + ".yml: a view has no tests of its own; declare them on the table that reads it");
    }
    if (view && !parameters.isEmpty()) {
      throw new IllegalStateException(
          base + ".yml: a view takes no parameters; materialize it as a table");
    }
    return new Model(layer, name, sql, description.asString(), parameters, tests, engine, view);
  }

  private static boolean view(String file, String materialized) {
    return switch (materialized) {
      case "table" -> false;
      case "view" -> true;
      default ->
          throw new IllegalStateException(
              file + ": materialized is table or view, not " + materialized);
    };
  }

  private static ModelTest test(String file, JsonNode node) {
    Map.Entry<String, JsonNode> entry = node.properties().iterator().next();
    String kind = entry.getKey();
    JsonNode body = entry.getValue();
    return switch (kind) {
      case "unique", "not_null", "non_negative" ->
          new ModelTest(kind, strings(body), null, null, null, null, null);
      case "relationships" ->
          new ModelTest(
              kind,
              null,
              body.get("column").asString(),
              body.get("to").asString(),
              body.get("field").asString(),
              null,
              null);
      case "accepted_values" ->
          new ModelTest(
              kind,
              null,
              body.get("column").asString(),
              null,
              null,
              strings(body.get("values")),
              null);
      case "expression" -> new ModelTest(kind, null, null, null, null, null, body.asString());
      default -> throw new IllegalStateException(file + ": unknown test " + kind);
    };
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    if (array != null) {
      array.forEach(v -> values.add(v.asString()));
    }
    return values;
  }
}
