package wds.pipeline.load;

import java.io.IOException;
import wds.pipeline.read.RecordReader;

/**
 * Where the raw records of one extract come from: a delivered file or a JDBC table. The loader has
 * one path for both ("one path, two readers"); it opens the source a second time only to fetch the
 * raw rows of DUPLICATE_KEY rejections for the quarantine (a JDBC source re-runs its query).
 */
public interface RecordSource {

  /** The file name or table, as the audit records it. */
  String origin();

  /** A fresh reader over every record. */
  RecordReader open() throws IOException;

  /**
   * The file, when the source is a UTF-8 CSV file that DuckDB may read itself (after a byte-level
   * pass, {@code wds.pipeline.read.CsvPreScan}); empty for anything a Java reader must decode.
   */
  default java.util.Optional<java.nio.file.Path> utf8Csv() {
    return java.util.Optional.empty();
  }
}
