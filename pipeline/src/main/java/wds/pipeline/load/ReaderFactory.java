package wds.pipeline.load;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import wds.pipeline.read.RecordReader;

/**
 * Opens a delivered CSV or xlsx file. In production this is {@code
 * wds.pipeline.read.RecordReaders::open}.
 */
@FunctionalInterface
public interface ReaderFactory {
  RecordReader open(Path file, Charset encoding) throws IOException;
}
