package wds.pipeline.synthetic;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads generated deliveries back in tests, with fastcsv (an RFC 4180 parser). */
final class Deliveries {

  private Deliveries() {}

  static Charset charset(String source) {
    return source.equals("civil") ? Charset.forName("GB18030") : StandardCharsets.UTF_8;
  }

  static Path file(Path out, String source, String extract, LocalDate date) {
    String stamp = date.format(DateTimeFormatter.BASIC_ISO_DATE);
    Path csv = out.resolve(source).resolve(extract + "_" + stamp + ".csv");
    return Files.exists(csv) ? csv : out.resolve(source).resolve(extract + "_" + stamp + ".xlsx");
  }

  private static CsvReader.CsvReaderBuilder lenient() {
    return CsvReader.builder()
        .detectBomHeader(true)
        .allowExtraFields(true)
        .allowMissingFields(true)
        .allowExtraCharsAfterClosingQuote(true);
  }

  /** Every record of a CSV file as a map of column to value (header excluded). */
  static List<Map<String, String>> rows(Path out, String source, String extract, LocalDate date) {
    Path f = file(out, source, extract, date);
    List<Map<String, String>> rows = new ArrayList<>();
    try (CsvReader<NamedCsvRecord> r = lenient().ofNamedCsvRecord(f, charset(source))) {
      for (NamedCsvRecord rec : r) {
        rows.add(rec.getFieldsAsMap());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** The RFC 4180 records of a CSV file, header included. */
  static List<CsvRecord> records(Path file, Charset charset) {
    List<CsvRecord> records = new ArrayList<>();
    try (CsvReader<CsvRecord> r = lenient().ofCsvRecord(file, charset)) {
      r.forEach(records::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return records;
  }

  /** Every file below {@code out}, sorted. */
  static List<Path> allFiles(Path out) {
    try (Stream<Path> s = Files.walk(out)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
