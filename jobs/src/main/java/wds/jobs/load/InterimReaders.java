package wds.jobs.load;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import wds.pipeline.read.RawRecord;
import wds.pipeline.read.RecordReader;

/**
 * INTERIM, deleted when the validate branch is merged: a plain CSV reader standing in for header in
 * line 1, a record with the wrong field count is malformed.
 */
final class InterimReaders implements RecordReader {

  private final CsvReader<CsvRecord> csv;
  private final Iterator<CsvRecord> records;
  private final List<String> header;

  static RecordReader open(Path file, Charset charset) throws IOException {
    return new InterimReaders(file, charset);
  }

  private InterimReaders(Path file, Charset charset) throws IOException {
    csv =
        CsvReader.builder()
            .allowExtraFields(true)
            .allowMissingFields(true)
            .ofCsvRecord(file, charset);
    records = csv.iterator();
    header = records.next().getFields().stream().map(h -> h.replace("\uFEFF", "")).toList();
  }

  @Override
  public List<String> header() {
    return header;
  }

  @Override
  public RawRecord next() {
    if (!records.hasNext()) {
      return null;
    }
    CsvRecord r = records.next();
    String[] values = r.getFields().toArray(String[]::new);
    long line = r.getStartingLineNumber();
    return values.length == header.size()
        ? RawRecord.of(line, values)
        : RawRecord.malformed(line, values, values.length + " fields, header has " + header.size());
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
