package wds.pipeline.read;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Locale;

/** The entry point to the file readers: opens a delivered file with the reader its type needs. */
public final class RecordReaders {

  private RecordReaders() {}

  /**
   * Opens {@code file} by its extension: {@code .csv} with {@link CsvRecordReader} in {@code
   * charset}, {@code .xlsx} with {@link XlsxRecordReader} (whose text is always Unicode, so {@code
   * charset} is not used).
   *
   * @throws IOException the file cannot be read, its header cannot be read, or its type is neither
   */
  public static RecordReader open(Path file, Charset charset) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return CsvRecordReader.open(file, charset);
    }
    if (name.endsWith(".xlsx")) {
      return XlsxRecordReader.open(file);
    }
    throw new IOException(file.getFileName() + ": not a .csv or .xlsx file");
  }
}
