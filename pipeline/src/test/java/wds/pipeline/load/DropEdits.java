package wds.pipeline.load;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Corrupts generated deliveries in tests: copies a drop, rewrites a CSV record's value, and
 * restamps a manifest (checksum and row count) so that the corrupted file passes its manifest and
 * reaches the reader.
 */
final class DropEdits {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private DropEdits() {}

  /** Copies a whole folder tree. */
  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  /** The one manifest of a source folder. */
  static Path manifest(Path sourceFolder) throws IOException {
    try (Stream<Path> files = Files.list(sourceFolder)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("manifest_"))
          .findFirst()
          .orElseThrow();
    }
  }

  /** The data file of an extract in a source folder (csv or xlsx). */
  static Path file(Path sourceFolder, String extract) throws IOException {
    try (Stream<Path> files = Files.list(sourceFolder)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith(extract + "_"))
          .findFirst()
          .orElseThrow();
    }
  }

  /** Sets the manifest's checksum of {@code file} to the file's bytes as they are now. */
  static void restamp(Path file) throws IOException {
    restamp(file, -1);
  }

  /** Sets the manifest's checksum of {@code file} to its bytes, and its rows when not negative. */
  static void restamp(Path file, long rows) throws IOException {
    Path manifest = manifest(file.getParent());
    JsonNode root = JSON.readTree(Files.readAllBytes(manifest));
    for (JsonNode f : root.get("files")) {
      if (f.get("name").asString().equals(file.getFileName().toString())) {
        ((ObjectNode) f).put("sha256", FileChecksum.sha256(file));
        if (rows >= 0) {
          ((ObjectNode) f).put("rows", rows);
        }
      }
    }
    Files.write(manifest, JSON.writeValueAsBytes(root));
  }

  /** Edits the manifest's JSON text in place. */
  static void editManifest(Path sourceFolder, java.util.function.UnaryOperator<String> edit)
      throws IOException {
    Path manifest = manifest(sourceFolder);
    Files.writeString(manifest, edit.apply(Files.readString(manifest)));
  }

  /**
   * Sets one value of a CSV file: record {@code index} (0 = the first data record), column {@code
   * column}; the file is written back RFC 4180 quoted where needed, CRLF, in its charset, and its
   * manifest restamped. Returns the record's line (the header is line 1).
   */
  static long setValue(Path file, Charset charset, int index, String column, String value)
      throws IOException {
    List<String[]> records = new ArrayList<>();
    boolean bom;
    byte[] bytes = Files.readAllBytes(file);
    bom = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB;
    try (CsvReader<CsvRecord> csv =
        CsvReader.builder().detectBomHeader(true).ofCsvRecord(file, charset)) {
      for (CsvRecord r : csv) {
        records.add(r.getFields().toArray(new String[0]));
      }
    }
    int col = List.of(records.get(0)).indexOf(column);
    if (col < 0) {
      throw new IllegalArgumentException(column + " is not a column of " + file);
    }
    records.get(index + 1)[col] = value;
    StringWriter text = new StringWriter();
    try (CsvWriter out = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(text)) {
      records.forEach(out::writeRecord);
    }
    byte[] body = text.toString().getBytes(charset);
    if (bom) {
      byte[] withBom = new byte[body.length + 3];
      withBom[0] = (byte) 0xEF;
      withBom[1] = (byte) 0xBB;
      withBom[2] = (byte) 0xBF;
      System.arraycopy(body, 0, withBom, 3, body.length);
      body = withBom;
    }
    Files.write(file, body);
    restamp(file);
    // a line break in an earlier record moves the lines after it: read the line back
    try (CsvReader<CsvRecord> csv =
        CsvReader.builder().detectBomHeader(true).ofCsvRecord(file, charset)) {
      return csv.stream().skip(index + 1).findFirst().orElseThrow().getStartingLineNumber();
    }
  }
}
