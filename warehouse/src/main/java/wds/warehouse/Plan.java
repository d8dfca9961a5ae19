package wds.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import wds.schemas.sql.SqlFile;
import wds.warehouse.indicator.IndicatorCatalogue;
import wds.warehouse.indicator.Target;
import wds.warehouse.indicator.TargetOp;

/**
 * A women's development plan as configuration: its years (baseline, first plan year, mid-term
 * evaluation, final evaluation), the indicator catalogue it monitors and the targets that differ
 * from the catalogue's. The next plan is a new plan file, with no code change.
 *
 * @param code short name ({@code 2021-2025})
 * @param name the plan's title
 * @param baselineYear the year up/down targets are judged against
 * @param firstYear the first plan year
 * @param midTermYear the mid-term evaluation year
 * @param finalYear the final evaluation year; trends are projected to it
 * @param catalogue where the catalogue CSV is: {@code classpath:...} or a path (relative to the
 *     plan file)
 * @param targets target overrides by indicator code
 * @param source the plan file, for messages and relative paths (null for the class path)
 */
public record Plan(
    String code,
    String name,
    int baselineYear,
    int firstYear,
    int midTermYear,
    int finalYear,
    String catalogue,
    Map<String, Target> targets,
    Path source) {

  /** The plan the warehouse monitors unless told otherwise. */
  public static final String STANDARD = "wds/warehouse/plans/2021-2025.yml";

  private static final ObjectMapper YAML = YAMLMapper.builder().build();

  public Plan {
    targets = Map.copyOf(targets);
    if (!(baselineYear < firstYear && firstYear <= midTermYear && midTermYear <= finalYear)) {
      throw new IllegalArgumentException(
          "plan " + code + ": years must run baseline < first <= mid-term <= final");
    }
  }

  /** The 2021-2025 plan shipped with the warehouse. */
  public static Plan standard() {
    return fromClasspath(STANDARD);
  }

  /** A plan file on the class path. */
  public static Plan fromClasspath(String resource) {
    return parse(resource, SqlFile.text(resource), null);
  }

  /** A plan file on disk; a relative catalogue path is read beside it. */
  public static Plan load(Path file) {
    try {
      return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read plan " + file, e);
    }
  }

  /** The catalogue with this plan's targets. */
  public IndicatorCatalogue indicators() {
    String csv;
    if (catalogue.startsWith("classpath:")) {
      csv = SqlFile.text(catalogue.substring("classpath:".length()));
    } else {
      Path path = source == null ? Path.of(catalogue) : source.resolveSibling(catalogue);
      try {
        csv = Files.readString(path, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("plan " + code + ": cannot read catalogue " + path, e);
      }
    }
    return IndicatorCatalogue.parse(catalogue, csv, targets);
  }

  private static Plan parse(String file, String yaml, Path source) {
    try {
      JsonNode node = YAML.readTree(yaml);
      Map<String, Target> targets = new LinkedHashMap<>();
      JsonNode declared = node.get("targets");
      if (declared != null) {
        for (Map.Entry<String, JsonNode> e : declared.properties()) {
          JsonNode t = e.getValue();
          targets.put(
              e.getKey(),
              new Target(
                  TargetOp.of(t.get("op").asString()),
                  decimal(t.get("value")),
                  decimal(t.get("tolerance"))));
        }
      }
      return new Plan(
          required(node, "code").asString(),
          node.path("name").asString(required(node, "code").asString()),
          required(node, "baseline_year").asInt(),
          required(node, "first_year").asInt(),
          required(node, "mid_term_year").asInt(),
          required(node, "final_year").asInt(),
          node.path("catalogue").asString("classpath:wds/warehouse/indicators.csv"),
          targets,
          source);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("plan " + file + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("missing " + field);
    }
    return value;
  }

  private static BigDecimal decimal(JsonNode value) {
    return value == null || value.isNull() ? null : new BigDecimal(value.asString());
  }
}
