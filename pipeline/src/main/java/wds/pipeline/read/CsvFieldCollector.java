package wds.pipeline.read;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import java.util.Arrays;

/**
 * The fastcsv callback handler that builds {@link RawRecord}s directly from the parser's buffer:
 * one string per field and one array per record, nothing else. It marks a record malformed when its
 * field count differs from the header's or when a field holds U+FFFD, the character the decoder
 * puts in place of bytes that are not valid in the file's encoding.
 */
final class CsvFieldCollector extends AbstractBaseCsvCallbackHandler<RawRecord> {

  private static final char REPLACEMENT = '\uFFFD';

  private String[] fields = new String[32];
  private int count;
  private int undecodableField;
  private int expectedWidth = -1;
  private long lineOffset;

  /** The width records must have: the header's. Until it is set every record is accepted. */
  void expectWidth(int width) {
    this.expectedWidth = width;
  }

  /** Added to the parser's line numbers: lines read by earlier parsers of the same file. */
  void lineOffset(long offset) {
    this.lineOffset = offset;
  }

  /** The file line where the record being parsed started. */
  long currentLine() {
    return getStartingLineNumber() + lineOffset;
  }

  /** The fields of the record being parsed, as far as the parser got. */
  String[] fieldsSoFar() {
    return Arrays.copyOf(fields, count);
  }

  @Override
  protected void handleBegin(long startingLineNumber) {
    count = 0;
    undecodableField = 0;
  }

  @Override
  protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
    String value = new String(buf, offset, len);
    // indexOf on a string of Latin-1 characters returns at once: the check is free for ASCII data
    if (undecodableField == 0 && value.indexOf(REPLACEMENT) >= 0) {
      undecodableField = index + 1;
    }
    if (count == fields.length) {
      fields = Arrays.copyOf(fields, count * 2);
    }
    fields[count++] = value;
  }

  @Override
  protected RawRecord buildRecord() {
    String[] values = Arrays.copyOf(fields, count);
    long line = currentLine();
    if (expectedWidth >= 0 && count != expectedWidth) {
      return RawRecord.malformed(
          line, values, count + " fields where the header has " + expectedWidth);
    }
    if (undecodableField > 0) {
      return RawRecord.malformed(
          line, values, "undecodable bytes in field " + undecodableField + " (wrong encoding)");
    }
    return new RawRecord(line, values, null);
  }
}
