package wds.jobs.nightly;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A generated delivery read straight from its drop folder, without the pipeline: every data row of
 * an extract (as column name → raw text) except the faulty rows the generator lists in {@code
 * injected-faults.csv}, so that tests can recompute what the warehouse should hold independently.
 */
final class DeliveryFiles {

  /** One data row of a delivered file. */
  record Row(String file, long line, Map<String, String> values) {
    String get(String column) {
      String v = values.get(column);
      return v == null ? "" : v.strip();
    }
  }

  /** One faulty row the generator injected. */
  record Fault(String source, String extract, String file, long line, String key, String reason) {}

  private final Path drop;
  private final List<Fault> faults;
  private final Set<String> faultyLines = new HashSet<>();

  DeliveryFiles(Path drop) {
    this.drop = drop;
    this.faults = readFaults(drop.resolve("injected-faults.csv"));
    faults.forEach(f -> faultyLines.add(f.file() + ":" + f.line()));
  }

  List<Fault> faults() {
    return faults;
  }

  /** Faulty rows by reason code. */
  Map<String, Long> faultsByReason() {
    Map<String, Long> counts = new TreeMap<>();
    faults.forEach(f -> counts.merge(f.reason(), 1L, Long::sum));
    return counts;
  }

  /** The good rows of one extract over every night in the drop folder, oldest night first. */
  List<Row> rows(String source, String extract) {
    List<Row> rows = new ArrayList<>();
    for (Path file : files(source, extract)) {
      rows.addAll(read(file, encoding(file)));
    }
    return rows;
  }

  /** Every data file of the drop folder, with its encoding. */
  Map<Path, Charset> allFiles() {
    Map<Path, Charset> all = new LinkedHashMap<>();
    try (Stream<Path> sources = Files.list(drop)) {
      for (Path folder : sources.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> files = Files.list(folder)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
            all.put(f, encoding(f));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }

  private List<Path> files(String source, String extract) {
    try (Stream<Path> files = Files.list(drop.resolve(source))) {
      return files
          .filter(p -> p.getFileName().toString().matches(extract + "_[0-9]{8}\\.csv"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The encoding the night's manifest declares for a file. */
  private Charset encoding(Path file) {
    String name = file.getFileName().toString();
    String day = name.substring(name.length() - 12, name.length() - 4);
    JsonNode manifest;
    try {
      manifest =
          JsonMapper.builder()
              .build()
              .readTree(Files.readString(file.resolveSibling("manifest_" + day + ".json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (JsonNode f : manifest.get("files")) {
      if (f.get("name").asString().equals(name)) {
        return Charset.forName(f.get("encoding").asString());
      }
    }
    throw new IllegalStateException(name + " is not in its manifest");
  }

  private List<Row> read(Path file, Charset charset) {
    List<Row> rows = new ArrayList<>();
    String name = file.getFileName().toString();
    for (CsvRecord record : records(file, charset)) {
      if (record.getStartingLineNumber() == 1) {
        continue;
      }
      if (faultyLines.contains(name + ":" + record.getStartingLineNumber())) {
        continue;
      }
      rows.add(new Row(name, record.getStartingLineNumber(), named(header(file, charset), record)));
    }
    return rows;
  }

  private final Map<Path, List<String>> headers = new HashMap<>();

  private List<String> header(Path file, Charset charset) {
    return headers.computeIfAbsent(
        file,
        f -> {
          List<String> h = new ArrayList<>(records(f, charset).get(0).getFields());
          h.set(0, h.get(0).replace("\uFEFF", ""));
          return h;
        });
  }

  private static Map<String, String> named(List<String> header, CsvRecord record) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < header.size() && i < record.getFieldCount(); i++) {
      values.put(header.get(i), record.getField(i));
    }
    return values;
  }

  /** Every record of a file; undecodable bytes (an injected fault) become U+FFFD. */
  static List<CsvRecord> records(Path file, Charset charset) {
    try (Reader reader =
            new InputStreamReader(
                Files.newInputStream(file),
                charset
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE));
        CsvReader<CsvRecord> csv =
            CsvReader.builder()
                .allowExtraCharsAfterClosingQuote(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(reader)) {
      return csv.stream().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Fault> readFaults(Path file) {
    List<Fault> faults = new ArrayList<>();
    if (!Files.exists(file)) {
      return faults;
    }
    for (CsvRecord r : records(file, java.nio.charset.StandardCharsets.UTF_8)) {
      if (r.getStartingLineNumber() == 1) {
        continue;
      }
      faults.add(
          new Fault(
              r.getField(0),
              r.getField(1),
              r.getField(2),
              Long.parseLong(r.getField(3)),
              r.getField(4),
              r.getField(5)));
    }
    return faults;
  }

  /**
   * The person an identity number names, independent of its form: area, birth date and sequence (a
   * legacy 15-digit number is of the 1900s; the check character is left out).
   */
  static String person(String id) {
    String s = id.strip().toUpperCase(java.util.Locale.ROOT);
    return s.length() == 15
        ? s.substring(0, 6) + "19" + s.substring(6, 15)
        : s.substring(0, Math.min(17, s.length()));
  }

  /** GB/T 2261.1 sex of an identity number: its 17th digit (15th of the legacy form), odd men. */
  static String sex(String id) {
    String s = id.strip();
    char c = s.length() == 15 ? s.charAt(14) : s.charAt(16);
    return (c - '0') % 2 == 1 ? "1" : "2";
  }
}
