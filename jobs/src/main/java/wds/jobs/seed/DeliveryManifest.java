package wds.jobs.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The manifest of one source's nightly file delivery ({@code manifest_<yyyymmdd>.json}), as far as
 * seeding needs it: which file holds which extract, in which encoding.
 */
record DeliveryManifest(Path folder, String source, LocalDate extractDate, List<Entry> files) {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** One delivered file. */
  record Entry(String name, String extract, String encoding, String mode) {}

  static DeliveryManifest read(Path manifest) throws IOException {
    JsonNode root = JSON.readTree(Files.readString(manifest));
    List<Entry> files = new ArrayList<>();
    for (JsonNode f : root.path("files")) {
      files.add(
          new Entry(
              f.get("name").asString(),
              f.get("extract").asString(),
              f.path("encoding").asString("UTF-8"),
              f.path("mode").asString("delta")));
    }
    return new DeliveryManifest(
        manifest.getParent(),
        root.get("source").asString(),
        LocalDate.parse(root.get("extract_date").asString()),
        files);
  }

  /** Every manifest of {@code source} under {@code drop}, oldest delivery first. */
  static List<Path> all(Path drop, String source) throws IOException {
    Path folder = drop.resolve(source);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (var files = Files.list(folder)) {
      return files
          .filter(p -> p.getFileName().toString().matches("manifest_\\d{8}\\.json"))
          .sorted()
          .toList();
    }
  }
}
