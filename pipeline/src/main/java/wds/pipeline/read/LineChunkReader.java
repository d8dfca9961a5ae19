package wds.pipeline.read;

import java.io.IOException;
import java.io.Reader;

/**
 * A reader that hands out at most one physical line per {@code read} call and counts the lines it
 * has handed out. The CSV parser reads through it so that, when the parser gives up on a record
 * with broken quoting, the place to resume (the start of the next physical line) and the line
 * number there are known exactly. It drops a leading byte-order mark and otherwise does not
 * interpret the text: all CSV parsing stays in fastcsv.
 */
final class LineChunkReader extends Reader {

  private static final int BUFFER = 1 << 16;

  private final Reader in;
  private final char[] buffer = new char[BUFFER];
  private int pos;
  private int limit;
  private long linesHandedOut;
  private boolean atLineStart = true;
  private boolean eof;
  private boolean first = true;

  LineChunkReader(Reader in) {
    this(in, true);
  }

  /** A reader that drops a leading byte-order mark only when {@code atFileStart}. */
  LineChunkReader(Reader in, boolean atFileStart) {
    this.in = in;
    this.first = atFileStart;
  }

  @Override
  public int read(char[] target, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (pos == limit && !fill()) {
      return -1;
    }
    int end = Math.min(limit, pos + len);
    int i = pos;
    while (i < end && buffer[i] != '\n') {
      i++;
    }
    boolean lineEnds = i < end;
    int n = (lineEnds ? i + 1 : end) - pos;
    System.arraycopy(buffer, pos, target, off, n);
    pos += n;
    if (lineEnds) {
      linesHandedOut++;
    }
    atLineStart = lineEnds;
    return n;
  }

  /** Physical lines handed out in full so far (the lines before the current position). */
  long linesHandedOut() {
    return linesHandedOut;
  }

  /**
   * Discards the rest of the current physical line, if the last chunk handed out did not end one,
   * so that the next read starts at the beginning of a line.
   */
  void skipRestOfLine() throws IOException {
    while (!atLineStart) {
      if (pos == limit && !fill()) {
        return;
      }
      while (pos < limit) {
        if (buffer[pos++] == '\n') {
          linesHandedOut++;
          atLineStart = true;
          return;
        }
      }
    }
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n;
    do {
      n = in.read(buffer, 0, BUFFER);
    } while (n == 0);
    if (n < 0) {
      eof = true;
      return false;
    }
    pos = 0;
    limit = n;
    if (first) {
      first = false;
      // a byte-order mark (UTF-8 or GB18030) decodes to U+FEFF; it is not part of the header
      if (buffer[0] == '\uFEFF') {
        pos = 1;
        return pos < limit || fill();
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
