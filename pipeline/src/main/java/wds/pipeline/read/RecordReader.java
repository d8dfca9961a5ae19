package wds.pipeline.read;

import java.io.IOException;
import java.util.List;

/**
 * A stream of raw records from one file or table: CSV, xlsx and JDBC pulls all read through it, so
 * validation, quarantine and loading have one path.
 */
public interface RecordReader extends AutoCloseable {

  /** The column names as delivered, in delivery order. */
  List<String> header();

  /** The next record, or null at the end. Never throws for a bad record: it is marked malformed. */
  RawRecord next() throws IOException;

  @Override
  void close() throws IOException;
}
