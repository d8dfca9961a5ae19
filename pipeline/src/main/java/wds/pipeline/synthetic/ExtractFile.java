package wds.pipeline.synthetic;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;

/** One delivered file of an extract being written, row by row, with a header row first. */
interface ExtractFile extends Closeable {

  /** Writes one record. */
  void write(String[] values) throws IOException;

  /** Whether {@link #writeRaw} is possible (CSV files: bytes as they are, for malformed rows). */
  boolean acceptsRaw();

  /** Writes one physical line of raw bytes (the line end included) as the next record. */
  void writeRaw(byte[] line) throws IOException;

  /** The charset the file's text is written in. */
  Charset charset();

  /** Data records written so far (not the header). */
  long records();

  Path path();
}
