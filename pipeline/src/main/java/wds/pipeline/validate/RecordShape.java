package wds.pipeline.validate;

import java.util.List;
import wds.pipeline.log.LogText;
import wds.pipeline.read.RawRecord;

/**
 * The reader-side judge of {@code MALFORMED_ROW} (sources.md, reason 1) for a record the reader
 * itself found well-formed: its field count against the header's, a control character
 * (U+0000–U+001F, U+007F; CR and LF aside, a line break is kept in free text and is its column's
 * fault elsewhere) and a value over {@link #MAX_FIELD_CHARS} characters.
 */
public final class RecordShape {

  /**
   * The longest value taken: a longer one makes its row {@code MALFORMED_ROW}, so that no value of
   * megabytes reaches staging, the quarantine or a detail.
   */
  public static final int MAX_FIELD_CHARS = 100_000;

  private final String[] header;

  public RecordShape(List<String> header) {
    this.header = header.toArray(new String[0]);
  }

  /** Why {@code record} is malformed, or null when it is not. */
  public String fault(RawRecord record) {
    if (record.isMalformed()) {
      return record.malformed();
    }
    String[] raw = record.values();
    if (raw.length != header.length) {
      return raw.length + " fields where the header has " + header.length;
    }
    for (int i = 0; i < raw.length; i++) {
      String v = raw[i];
      int n = v.length();
      if (n > MAX_FIELD_CHARS) {
        return field(i) + ": a value of " + n + " characters, over the limit of " + MAX_FIELD_CHARS;
      }
      for (int k = 0; k < n; k++) {
        char c = v.charAt(k);
        if ((c < ' ' && c != '\n' && c != '\r') || c == 0x7f) {
          return field(i) + String.format(": a control character U+%04X", (int) c);
        }
      }
    }
    return null;
  }

  private String field(int i) {
    return "field " + (i + 1) + " (" + LogText.escape(header[i]) + ")";
  }
}
