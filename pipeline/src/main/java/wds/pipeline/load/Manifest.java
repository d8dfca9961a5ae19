package wds.pipeline.load;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import wds.pipeline.log.LogText;

/**
 * The manifest of one source's delivery of one night ({@code manifest_<yyyymmdd>.json}): which
 * files it holds, with their row counts, checksums, encodings and modes.
 *
 * @param source the source system that sent it
 * @param extractDate the night of the delivery
 * @param files every file of the delivery
 */
public record Manifest(String source, LocalDate extractDate, List<ManifestFile> files) {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** The largest manifest read: a night's manifest lists 1-15 files in ~3 KB. */
  static final long MAX_BYTES = 1 << 20;

  /** The encodings the sources contract allows. */
  private static final Set<String> ENCODINGS = Set.of("UTF-8", "GB18030");

  public Manifest {
    files = List.copyOf(files);
  }

  /**
   * Reads a manifest file.
   *
   * @throws InvalidManifestException naming the fault when the file is not valid JSON or lacks a
   *     field the contract requires
   */
  public static Manifest read(Path file) throws InvalidManifestException {
    JsonNode root;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new InvalidManifestException(
            LogText.escape(file.getFileName().toString())
                + " is larger than "
                + MAX_BYTES
                + " bytes: no manifest of a night's files is");
      }
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (IOException | JacksonException e) {
      throw new InvalidManifestException(
          LogText.escape(file.getFileName().toString())
              + " is not readable JSON: "
              + LogText.escape(firstLine(e.getMessage())));
    }
    String name = file.getFileName().toString();
    if (root == null || !root.isObject()) {
      throw new InvalidManifestException(name + " is not a JSON object");
    }
    String source = text(root, "source", name);
    LocalDate date;
    try {
      date = LocalDate.parse(text(root, "extract_date", name));
    } catch (DateTimeParseException e) {
      throw new InvalidManifestException(name + ": extract_date is not an ISO date");
    }
    JsonNode list = root.get("files");
    if (list == null || !list.isArray()) {
      throw new InvalidManifestException(name + ": no files list");
    }
    List<ManifestFile> files = new ArrayList<>();
    Set<String> extracts = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (JsonNode f : list) {
      String fileName = text(f, "name", name);
      String where = name + ", file " + LogText.escape(fileName);
      if (!names.add(fileName)) {
        throw new InvalidManifestException(
            name + " lists file " + LogText.escape(fileName) + " twice");
      }
      String extract = text(f, "extract", where);
      if (!extracts.add(extract)) {
        throw new InvalidManifestException(
            name + " lists extract " + LogText.escape(extract) + " twice");
      }
      JsonNode rows = f.get("rows");
      if (rows == null || !rows.canConvertToLong() || rows.asLong() < 0) {
        throw new InvalidManifestException(where + ": rows is not a count");
      }
      String sha = text(f, "sha256", where).toLowerCase(Locale.ROOT);
      if (!sha.matches("[0-9a-f]{64}")) {
        throw new InvalidManifestException(where + ": sha256 is not 64 hex digits");
      }
      Charset encoding = encoding(f.get("encoding"), where);
      LoadMode mode;
      try {
        mode = LoadMode.parse(text(f, "mode", where));
      } catch (IllegalArgumentException e) {
        throw new InvalidManifestException(where + ": " + e.getMessage());
      }
      files.add(new ManifestFile(fileName, extract, rows.asLong(), sha, encoding, mode));
    }
    return new Manifest(source, date, files);
  }

  private static Charset encoding(JsonNode node, String where) throws InvalidManifestException {
    if (node == null || node.isNull()) {
      return StandardCharsets.UTF_8; // the contract's default
    }
    String name = node.asString().trim().toUpperCase(Locale.ROOT).replace("UTF8", "UTF-8");
    if (!ENCODINGS.contains(name)) {
      throw new InvalidManifestException(
          where + ": encoding " + LogText.escape(node.asString()) + " is not UTF-8 or GB18030");
    }
    return Charset.forName(name);
  }

  private static String text(JsonNode node, String field, String where)
      throws InvalidManifestException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || !value.isValueNode() || value.asString().isBlank()) {
      throw new InvalidManifestException(where + ": no " + field);
    }
    return value.asString().trim();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
