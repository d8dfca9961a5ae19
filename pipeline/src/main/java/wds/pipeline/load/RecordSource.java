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
}
