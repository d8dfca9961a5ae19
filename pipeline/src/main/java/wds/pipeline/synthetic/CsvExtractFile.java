package wds.pipeline.synthetic;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/** An RFC 4180 CSV file (CRLF line ends, quotes where needed), optionally with a UTF-8 BOM. */
final class CsvExtractFile implements ExtractFile {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final Path path;
  private final Charset charset;
  private final OutputStream out;
  private final Writer writer;
  private final CsvWriter csv;
  private long records;

  CsvExtractFile(Path path, Charset charset, boolean bom, String[] header) throws IOException {
    this.path = path;
    this.charset = charset;
    this.out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
    if (bom) {
      out.write(BOM);
    }
    this.writer = new OutputStreamWriter(out, charset);
    this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(writer);
    csv.writeRecord(header);
  }

  @Override
  public void write(String[] values) {
    csv.writeRecord(values);
    records++;
  }

  @Override
  public boolean acceptsRaw() {
    return true;
  }

  @Override
  public void writeRaw(byte[] line) throws IOException {
    csv.flush();
    writer.flush();
    out.write(line);
    records++;
  }

  @Override
  public Charset charset() {
    return charset;
  }

  @Override
  public long records() {
    return records;
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
