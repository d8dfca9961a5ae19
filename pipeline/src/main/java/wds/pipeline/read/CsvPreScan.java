package wds.pipeline.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A byte-level pass over a UTF-8 CSV file that finds, without making a string of any field, the
 * records DuckDB's {@code read_csv} may not read exactly as {@link CsvRecordReader} would, and the
 * physical line of every other record.
 *
 * <p>A record is set aside (a {@link Region} for the Java reader to judge) when its field count
 * differs from the header's, its quoting is broken or unusual (a quote inside an unquoted field),
 * it holds a byte sequence that is not valid UTF-8 or the replacement character U+FFFD, a control
 * byte other than a line feed inside quotes, or a field of more than {@value #MAX_FIELD_BYTES}
 * bytes. Broken quoting ends its record at the end of the physical line where it shows, and a quote
 * never closed runs to the end of the file, as in {@link CsvRecordReader}. Blank lines are no
 * records. Every kept record gets its physical line (the header being line 1): DuckDB numbers the
 * rows it reads 0, 1, 2, … and a {@link Shift} from ordinal {@code k} on says {@code line = k +
 * shift}.
 *
 * <p>Lines end in LF or CR LF (DuckDB reads both with {@code new_line = '\r\n'}); a file holding a
 * carriage return not followed by a line feed is {@link Result#plain() not plain}: its line ends
 * are left to the Java reader.
 */
public final class CsvPreScan {

  /** A field longer than this many bytes may be over the 100,000-character limit: set aside. */
  public static final int MAX_FIELD_BYTES = 100_000;

  private static final int BUFFER = 1 << 20;

  /** Bytes that need no look: printable ASCII but the quote and the comma. */
  private static final boolean[] PLAIN = new boolean[256];

  static {
    for (int b = 0x20; b < 0x7f; b++) {
      PLAIN[b] = b != '"' && b != ',';
    }
  }

  /**
   * Bytes {@code [start, end)} of the file: records for the Java reader, from line {@code line}.
   */
  public record Region(long start, long end, long line) {}

  /**
   * From DuckDB's row ordinal {@code ordinal} on, a row's line is its ordinal plus {@code shift}.
   */
  public record Shift(long ordinal, long shift) {}

  /**
   * What the pass found.
   *
   * @param plain false when the file holds a lone carriage return: nothing else here is meaningful
   * @param dataStart the byte where the first record after the header starts
   * @param direct whether DuckDB may read the file as it is (header of one line, no byte-order
   *     mark, no blank line, nothing set aside); otherwise it reads a copy without the header and
   *     without {@code excluded}
   * @param rows the records DuckDB reads
   * @param excluded byte ranges left out of the copy (set-aside regions and blank lines), in order
   * @param regions the set-aside records, in order
   * @param shifts the lines of the rows DuckDB reads
   */
  public record Result(
      boolean plain,
      long dataStart,
      boolean direct,
      long rows,
      List<long[]> excluded,
      List<Region> regions,
      List<Shift> shifts) {}

  private final FileChannel in;
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
  private long bufferStart;
  private int pos;
  private int limit;

  private CsvPreScan(FileChannel in) {
    this.in = in;
  }

  /** Scans {@code file}, whose header has {@code width} fields. */
  public static Result scan(Path file, int width) throws IOException {
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      return new CsvPreScan(in).scan(width);
    }
  }

  private int next() throws IOException {
    if (pos == limit) {
      bufferStart += limit;
      buffer.clear();
      int n;
      do {
        n = in.read(buffer);
      } while (n == 0);
      if (n < 0) {
        pos = limit = 0;
        return -1;
      }
      pos = 0;
      limit = n;
    }
    return buffer.array()[pos++] & 0xff;
  }

  private int peek() throws IOException {
    int b = next();
    if (b >= 0) {
      pos--;
    }
    return b;
  }

  private long offset() {
    return bufferStart + pos;
  }

  /** One record's scan: where it ends, how many line feeds it holds, whether it is set aside. */
  private boolean aside;

  private long lineFeeds;
  private boolean carriageReturn;

  private Result scan(int width) throws IOException {
    boolean bom = false;
    if (peek() == 0xEF) {
      next();
      if (peek() == 0xBB) {
        next();
        if (peek() == 0xBF) {
          next();
          bom = true;
        }
      }
      if (!bom) {
        // not a byte-order mark: the header is judged by the Java reader anyway
        return new Result(false, 0, false, 0, List.of(), List.of(), List.of());
      }
    }
    long line = 1;
    record(-1);
    long headerLines = lineFeeds;
    line += lineFeeds;
    long dataStart = offset();
    List<long[]> excluded = new ArrayList<>();
    List<Region> regions = new ArrayList<>();
    List<Shift> shifts = new ArrayList<>();
    long rows = 0;
    long lastShift = Long.MIN_VALUE;
    int b;
    while ((b = peek()) >= 0) {
      long start = offset();
      if (b == '\n') {
        next();
        excluded.add(new long[] {start, start + 1});
        line++;
        continue;
      }
      record(width);
      if (carriageReturn) {
        return new Result(false, dataStart, false, 0, List.of(), List.of(), List.of());
      }
      long end = offset();
      if (aside) {
        excluded.add(new long[] {start, end});
        regions.add(new Region(start, end, line));
      } else {
        long shift = line - rows;
        if (shift != lastShift) {
          shifts.add(new Shift(rows, shift));
          lastShift = shift;
        }
        rows++;
      }
      line += lineFeeds;
    }
    boolean direct = !bom && headerLines == 1 && excluded.isEmpty();
    return new Result(true, dataStart, direct, rows, excluded, regions, shifts);
  }

  /**
   * Scans one record from the current byte to just past its line feed (or the end of the file);
   * {@code width} -1 for the header, which is never set aside here.
   */
  private void record(int width) throws IOException {
    aside = false;
    lineFeeds = 0;
    carriageReturn = false;
    int fields = 1;
    int fieldBytes = 0;
    boolean quoted = false;
    boolean fieldStart = true;
    int b;
    byte[] bytes = buffer.array();
    while (true) {
      if (!fieldStart) {
        // the common case, without a call per byte: printable ASCII other than quote and comma
        int p = pos;
        while (p < limit && PLAIN[bytes[p] & 0xff]) {
          p++;
        }
        fieldBytes += p - pos;
        pos = p;
        if (fieldBytes > MAX_FIELD_BYTES) {
          aside = true;
        }
      }
      if ((b = next()) < 0) {
        break;
      }
      if (fieldStart) {
        fieldStart = false;
        fieldBytes = 0;
        if (b == '"') {
          quoted = true;
          continue;
        }
      }
      if (quoted) {
        if (b == '"') {
          int after = peek();
          if (after == '"') {
            next();
            fieldBytes++;
            continue;
          }
          quoted = false;
          if (after == ',' || after == '\n' || after < 0) {
            continue;
          }
          if (after == '\r') {
            continue; // a CR LF line end, or a lone CR (then the file is not plain)
          }
          // text after the closing quote: broken quoting, to the end of this physical line
          aside = true;
          while ((b = next()) >= 0 && b != '\n') {
            if (b == '\r' && peek() != '\n') {
              carriageReturn = true;
              return;
            }
          }
          if (b == '\n') {
            lineFeeds++;
          }
          return;
        }
        if (b == '\n') {
          lineFeeds++;
        } else if (!plainByte(b)) {
          return;
        }
        if (++fieldBytes > MAX_FIELD_BYTES) {
          aside = true;
        }
        continue;
      }
      if (b == ',') {
        fields++;
        fieldStart = true;
        continue;
      }
      if (b == '\n') {
        lineFeeds++;
        break;
      }
      if (b == '"') {
        aside = true; // a quote inside an unquoted field: left to the Java reader
      } else if (!plainByte(b)) {
        return;
      }
      if (++fieldBytes > MAX_FIELD_BYTES) {
        aside = true;
      }
    }
    if (quoted) {
      aside = true; // a quote never closed: the record runs to the end of the file
    }
    if (width >= 0 && fields != width) {
      aside = true;
    }
  }

  /**
   * Checks one byte of a field that is neither a quote nor a delimiter nor a line feed: a control
   * byte sets the record aside, a multi-byte sequence is checked as UTF-8. Returns false only on a
   * carriage return (the whole file is then left to the Java reader).
   */
  private boolean plainByte(int b) throws IOException {
    if (b < 0x20 || b == 0x7f) {
      if (b == '\r') {
        if (peek() == '\n') {
          return true; // a CR LF line end (or, inside quotes, a CR LF kept in the value)
        }
        carriageReturn = true;
        return false;
      }
      aside = true;
      return true;
    }
    if (b < 0x80) {
      return true;
    }
    int need;
    int lo = 0x80;
    int hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      need = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      need = 2;
      if (b == 0xE0) {
        lo = 0xA0;
      } else if (b == 0xED) {
        hi = 0x9F;
      }
    } else if (b >= 0xF0 && b <= 0xF4) {
      need = 3;
      if (b == 0xF0) {
        lo = 0x90;
      } else if (b == 0xF4) {
        hi = 0x8F;
      }
    } else {
      aside = true;
      return true;
    }
    int first = b;
    for (int i = 0; i < need; i++) {
      int c = peek();
      if (c < (i == 0 ? lo : 0x80) || c > (i == 0 ? hi : 0xBF)) {
        aside = true; // the next byte is scanned on its own, as the decoder does
        return true;
      }
      next();
      if (first == 0xEF && i == 0 && c == 0xBF && peek() == 0xBD) {
        aside = true; // U+FFFD: the Java reader takes it for undecodable bytes
      }
    }
    return true;
  }
}
