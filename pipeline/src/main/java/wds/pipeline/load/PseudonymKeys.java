package wds.pipeline.load;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.function.Function;
import java.util.stream.IntStream;
import wds.pipeline.person.IdentityNumber;
import wds.pipeline.person.InvalidIdentityNumberException;
import wds.pipeline.pseudonym.Pseudonymiser;
import wds.pipeline.validate.RejectDetail;

/**
 * The keys of one file's distinct pseudonymised values, computed in Java once per value (the
 * HMAC-SHA-256 key stays in this process): for an identity number its person key, birth date and
 * sex, or nothing when the number is not valid (the SQL rules then reject its rows); for a
 * pseudonymised text its keyed hash. Values and keys travel as CSV files DuckDB reads; identity
 * numbers never leave the temporary folder.
 */
final class PseudonymKeys {

  /** Values keyed at a time. */
  private static final int CHUNK = 16_384;

  private final Pseudonymiser pseudonymiser;
  private final LocalDate extractDate;

  PseudonymKeys(Pseudonymiser pseudonymiser, LocalDate extractDate) {
    this.pseudonymiser = pseudonymiser;
    this.extractDate = extractDate;
  }

  /**
   * Keys the identity numbers of {@code values} (one quoted value a line) into {@code keys}: value,
   * person key, birth date, sex; the last three empty for a number that is not valid. Returns how
   * many values were read.
   */
  long identities(Path values, Path keys) throws IOException {
    return keyed(
        values,
        keys,
        v -> {
          IdentityNumber id = valid(v);
          return id == null
              ? new String[] {v, "", "", ""}
              : new String[] {v, pseudonymiser.key(id), id.birthDate().toString(), id.sex().code()};
        });
  }

  /** Keys the pseudonymised texts of {@code values} into {@code keys}: value, keyed hash. */
  long texts(Path values, Path keys) throws IOException {
    return keyed(values, keys, v -> new String[] {v, pseudonymiser.keyOfText(v)});
  }

  /**
   * Reads {@code values} a chunk at a time, keys each chunk on every core (the HMAC is most of the
   * cost) and writes the rows in order; heap use is one chunk, whatever the file holds.
   */
  private static long keyed(Path values, Path keys, Function<String, String[]> key)
      throws IOException {
    long n = 0;
    String[] chunk = new String[CHUNK];
    String[][] rows = new String[CHUNK][];
    try (CsvReader<CsvRecord> in = CsvReader.builder().ofCsvRecord(values);
        CsvWriter out = writer(keys)) {
      Iterator<CsvRecord> records = in.iterator();
      while (records.hasNext()) {
        int size = 0;
        while (size < CHUNK && records.hasNext()) {
          chunk[size++] = records.next().getField(0);
        }
        IntStream.range(0, size).parallel().forEach(i -> rows[i] = key.apply(chunk[i]));
        for (int i = 0; i < size; i++) {
          out.writeRecord(rows[i]);
        }
        n += size;
      }
    }
    return n;
  }

  /** The number, or null when it holds a blank, is not valid or was born after the extract date. */
  private IdentityNumber valid(String v) {
    if (RejectDetail.hasBlank(v)) {
      return null;
    }
    try {
      IdentityNumber id = IdentityNumber.parse(v);
      return id.birthDate().isAfter(extractDate) ? null : id;
    } catch (InvalidIdentityNumberException e) {
      return null;
    }
  }

  private static CsvWriter writer(Path file) throws IOException {
    // a value quoted, an empty key unquoted: DuckDB reads it as NULL
    return CsvWriter.builder()
        .quoteStrategy(QuoteStrategies.NON_EMPTY)
        .lineDelimiter(LineDelimiter.LF)
        .build(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
  }
}
