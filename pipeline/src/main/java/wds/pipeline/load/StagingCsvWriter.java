package wds.pipeline.load;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import wds.pipeline.ods.OdsColumn;
import wds.pipeline.ods.OdsTable;
import wds.schemas.sql.SqlFile;

/**
 * A writer of validated, typed rows as a staging CSV file that DuckDB's {@code read_csv} loads with
 * the column types given ({@link #readOptions}): UTF-8, comma-separated, no header, {@code _line}
 * as the last column.
 *
 * <p>Why a hand-written writer rather than a CSV library: the values are already validated and
 * typed, so numbers, dates, timestamps and booleans need no escaping at all and only text may need
 * quoting; this writer encodes straight into a byte buffer, which is several times faster than the
 * DuckDB Appender's per-value cost and lets DuckDB parse the file on all cores.
 *
 * <p>NULL is an empty unquoted field; an empty string is {@code ""} (read with {@code
 * allow_quoted_nulls = false}). Text is quoted when it is empty, contains a quote, a comma, a line
 * break or another control character, or starts or ends with a blank.
 */
final class StagingCsvWriter implements AutoCloseable {

  private static final int BUFFER = 1 << 16;

  /** The bytes that make a text value quoted: controls, DEL, the quote and the delimiter. */
  private static final boolean[] NEEDS_QUOTES = new boolean[256];

  static {
    for (int b = 0; b < ' '; b++) {
      NEEDS_QUOTES[b] = true;
    }
    NEEDS_QUOTES[0x7f] = true;
    NEEDS_QUOTES['"'] = true;
    NEEDS_QUOTES[','] = true;
  }

  private final OutputStream out;
  private final Kind[] kinds;
  private final boolean[] falseWhenNull;
  private final byte[] buffer = new byte[BUFFER];
  private int size;
  private long rows;

  /** The Java type of a staged column, as this writer renders it. */
  private enum Kind {
    TEXT,
    /** A pseudonym: 64 hex digits, never in need of quoting or encoding. */
    KEY,
    LONG,
    DECIMAL,
    DATE,
    TIMESTAMP,
    BOOLEAN
  }

  /** A writer of the rows of {@code table} into a new file {@code file} (readable by its owner). */
  StagingCsvWriter(Path file, OdsTable table) throws IOException {
    List<OdsColumn> columns = table.rowColumns();
    this.kinds = new Kind[columns.size()];
    this.falseWhenNull = new boolean[columns.size()];
    for (int i = 0; i < kinds.length; i++) {
      OdsColumn c = columns.get(i);
      kinds[i] = kind(c);
      // an absent or empty deleted flag means a live record
      falseWhenNull[i] = c.name().equals("deleted");
    }
    this.out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  /**
   * The {@code read_csv} options that read a file of this writer as the staging table's columns
   * ({@code name: type} for each row column, then {@code _line}); the file name is bound as the
   * first argument.
   */
  static String readOptions(OdsTable table) {
    StringBuilder columns = new StringBuilder("{");
    for (OdsColumn c : table.rowColumns()) {
      columns
          .append(SqlFile.literal(c.name()))
          .append(": ")
          .append(SqlFile.literal(c.sqlType()))
          .append(", ");
    }
    columns.append("'_line': 'BIGINT'}");
    return "columns = "
        + columns
        + ", header = false, auto_detect = false, delim = ',', quote = '\"', escape = '\"',"
        + " new_line = '\\n', nullstr = '', allow_quoted_nulls = false, strict_mode = true";
  }

  private static Kind kind(OdsColumn c) {
    Class<?> type = c.javaType();
    if (type == String.class) {
      return c.pseudonym() ? Kind.KEY : Kind.TEXT;
    } else if (type == Long.class) {
      return Kind.LONG;
    } else if (type == BigDecimal.class) {
      return Kind.DECIMAL;
    } else if (type == LocalDate.class) {
      return Kind.DATE;
    } else if (type == LocalDateTime.class) {
      return Kind.TIMESTAMP;
    } else if (type == Boolean.class) {
      return Kind.BOOLEAN;
    }
    throw new IllegalStateException(c.name() + " has an unknown type " + type);
  }

  /** Rows written so far. */
  long rows() {
    return rows;
  }

  /** Writes one validated row (values in {@code rowColumns()} order) and its line. */
  void write(Object[] values, long line) throws IOException {
    if (values.length != kinds.length) {
      throw new IllegalStateException(
          "a validated row has " + values.length + " values for " + kinds.length + " columns");
    }
    for (int i = 0; i < kinds.length; i++) {
      Object v = values[i];
      if (v == null) {
        if (falseWhenNull[i]) {
          ascii("false");
        }
      } else {
        switch (kinds[i]) {
          case TEXT -> text((String) v);
          case KEY -> ascii((String) v);
          case LONG -> number(((Number) v).longValue());
          case DECIMAL -> ascii(((BigDecimal) v).setScale(4, RoundingMode.HALF_UP).toPlainString());
          case DATE -> date((LocalDate) v);
          case TIMESTAMP -> timestamp((LocalDateTime) v);
          case BOOLEAN -> ascii(((Boolean) v) ? "true" : "false");
        }
      }
      room(1);
      buffer[size++] = ',';
    }
    number(line);
    room(1);
    buffer[size++] = '\n';
    rows++;
  }

  private void text(String s) throws IOException {
    // encoding first and scanning bytes is cheaper than scanning chars: an ASCII string is copied
    // by an intrinsic, and no byte of a multi-byte UTF-8 sequence is a comma, quote or control
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    int n = bytes.length;
    boolean quote = n == 0 || (bytes[0] & 0xff) <= ' ' || (bytes[n - 1] & 0xff) <= ' ';
    for (int i = 0; i < n && !quote; i++) {
      quote = NEEDS_QUOTES[bytes[i] & 0xff];
    }
    if (!quote) {
      bytes(bytes);
      return;
    }
    room(1);
    buffer[size++] = '"';
    for (byte b : bytes) {
      room(2);
      if (b == '"') {
        buffer[size++] = '"';
      }
      buffer[size++] = b;
    }
    room(1);
    buffer[size++] = '"';
  }

  private void ascii(String s) throws IOException {
    int n = s.length();
    if (n > BUFFER) {
      bytes(s.getBytes(StandardCharsets.US_ASCII));
      return;
    }
    room(n);
    for (int i = 0; i < n; i++) {
      buffer[size++] = (byte) s.charAt(i);
    }
  }

  private void bytes(byte[] bytes) throws IOException {
    if (bytes.length > BUFFER) {
      flush();
      out.write(bytes);
      return;
    }
    room(bytes.length);
    System.arraycopy(bytes, 0, buffer, size, bytes.length);
    size += bytes.length;
  }

  private void number(long v) throws IOException {
    if (v < 0 || v > 999_999_999_999L) {
      ascii(Long.toString(v));
      return;
    }
    room(12);
    int digits = 1;
    for (long p = 10; p <= v; p *= 10) {
      digits++;
    }
    for (int i = size + digits - 1; i >= size; i--) {
      buffer[i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    size += digits;
  }

  private void date(LocalDate d) throws IOException {
    int year = d.getYear();
    if (year < 0 || year > 9999) {
      ascii(d.toString());
      return;
    }
    room(10);
    digits(year, 4);
    buffer[size++] = '-';
    digits(d.getMonthValue(), 2);
    buffer[size++] = '-';
    digits(d.getDayOfMonth(), 2);
  }

  private void timestamp(LocalDateTime t) throws IOException {
    date(t.toLocalDate());
    room(16);
    buffer[size++] = ' ';
    digits(t.getHour(), 2);
    buffer[size++] = ':';
    digits(t.getMinute(), 2);
    buffer[size++] = ':';
    digits(t.getSecond(), 2);
    // DuckDB keeps microseconds: the rest is cut off, as the Appender does
    int micros = t.getNano() / 1000;
    if (micros != 0) {
      buffer[size++] = '.';
      digits(micros, 6);
    }
  }

  /** Writes {@code v} as exactly {@code width} digits (room already made). */
  private void digits(int v, int width) {
    for (int i = size + width - 1; i >= size; i--) {
      buffer[i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    size += width;
  }

  private void room(int n) throws IOException {
    if (size + n > BUFFER) {
      flush();
    }
  }

  private void flush() throws IOException {
    out.write(buffer, 0, size);
    size = 0;
  }

  @Override
  public void close() throws IOException {
    try {
      flush();
    } finally {
      out.close();
    }
  }
}
