package wds.pipeline.read;

/**
 * One record as delivered, before validation.
 *
 * @param line where it is: the 1-based physical line of a CSV record's first line, the 1-based row
 *     of an xlsx sheet, the 1-based row number of a JDBC pull (header = line 1 for files)
 * @param values the raw field values in the order of the reader's header; empty string for an empty
 *     field, never null
 * @param malformed null for a well-formed record; otherwise why it is not (wrong field count,
 *     broken quoting, undecodable bytes): the row is rejected {@code MALFORMED_ROW}
 */
public record RawRecord(long line, String[] values, String malformed) {

  public static RawRecord of(long line, String... values) {
    return new RawRecord(line, values, null);
  }

  public static RawRecord malformed(long line, String[] values, String why) {
    return new RawRecord(line, values, why);
  }

  public boolean isMalformed() {
    return malformed != null;
  }
}
