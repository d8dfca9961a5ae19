package wds.jobs.seed;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import wds.pipeline.read.RawRecord;
import wds.pipeline.read.RecordReader;

/**
 * A delivered CSV file as raw records, for seeding until the pipeline's own readers are on main.
 */
final class CsvRows implements RecordReader {

  private final CsvReader<CsvRecord> csv;
  private final Iterator<CsvRecord> records;
  private final List<String> header;

  CsvRows(Path file, Charset charset) throws IOException {
    csv =
        CsvReader.builder()
            .detectBomHeader(true)
            .allowExtraFields(true)
            .allowMissingFields(true)
            .ofCsvRecord(file, charset);
    records = csv.iterator();
    header = records.hasNext() ? records.next().getFields() : List.of();
  }

  @Override
  public List<String> header() {
    return header;
  }

  @Override
  public RawRecord next() throws IOException {
    try {
      if (!records.hasNext()) {
        return null;
      }
      CsvRecord r = records.next();
      String[] values = r.getFields().toArray(String[]::new);
      return values.length == header.size()
          ? RawRecord.of(r.getStartingLineNumber(), values)
          : RawRecord.malformed(r.getStartingLineNumber(), values, "wrong field count");
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
