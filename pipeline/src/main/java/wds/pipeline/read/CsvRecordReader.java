package wds.pipeline.read;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A reader of an RFC 4180 CSV file with a header row, parsed by fastcsv.
 *
 * <p>Bad records never end the file: a record whose field count differs from the header's, whose
 * bytes are not valid in the file's encoding (decoding replaces them with U+FFFD, and a record
 * holding U+FFFD is marked), or whose quoting is broken ({@code "abc"x,} or a quote never closed)
 * comes back marked malformed, and reading goes on. After broken quoting, fastcsv's parser cannot
 * resume inside the record, so a new parser starts at the next physical line: the malformed record
 * runs from its first line to the end of the line where the fault showed.
 *
 * <p>Blank lines are not records (as in fastcsv and DuckDB). A UTF-8 (or GB18030) byte-order mark
 * is dropped. {@link RawRecord#line()} is the physical line where a record starts, the header being
 * line 1.
 */
public final class CsvRecordReader implements RecordReader {

  private final Path file;
  private final LineChunkReader source;
  private final CsvFieldCollector collector = new CsvFieldCollector();
  private final List<String> header;
  private CloseableIterator<RawRecord> records;

  private final String charsetName;

  /** Lines of the file before the bytes this reader reads (0 but for a region of records). */
  private final long linesBefore;

  private CsvRecordReader(Path file, LineChunkReader source, String charsetName)
      throws IOException {
    this.file = file;
    this.charsetName = charsetName;
    this.source = source;
    this.linesBefore = 0;
    this.records = newParser(0);
    RawRecord first = next();
    if (first == null) {
      header = List.of();
    } else if (first.isMalformed()) {
      throw new IOException("the header row is malformed: " + first.malformed());
    } else {
      List<String> names = new ArrayList<>(first.values().length);
      for (String name : first.values()) {
        for (int i = 0; i < name.length(); i++) {
          char c = name.charAt(i);
          if (c < ' ' || c == 0x7f) {
            // a header of NULs and controls is text in another encoding (UTF-16 read as UTF-8)
            throw new IOException(
                String.format(
                    "the header row holds a control character U+%04X: not text in %s",
                    (int) c, charsetName));
          }
        }
        names.add(name.strip());
      }
      header = Collections.unmodifiableList(names);
      collector.expectWidth(names.size());
    }
  }

  /** A reader of records only (no header), {@code linesBefore} lines into its file. */
  private CsvRecordReader(Path file, LineChunkReader source, long linesBefore, int width) {
    this.file = file;
    this.charsetName = "UTF-8";
    this.source = source;
    this.linesBefore = linesBefore;
    this.header = List.of();
    this.records = newParser(linesBefore);
    collector.expectWidth(width);
  }

  /**
   * The records of the bytes {@code [start, end)} of a UTF-8 {@code file}, read exactly as this
   * reader reads the whole file: a {@link CsvPreScan.Region} the byte-level pass set aside.
   *
   * @param width the header's field count
   */
  public static List<RawRecord> region(Path file, CsvPreScan.Region region, int width)
      throws IOException {
    // streamed, not read whole: a quote never closed makes a region of the rest of the file
    java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file);
    channel.position(region.start());
    java.io.InputStream bytes =
        new java.io.BufferedInputStream(
            new java.io.FilterInputStream(java.nio.channels.Channels.newInputStream(channel)) {
              private long left = region.end() - region.start();

              @Override
              public int read() throws IOException {
                if (left <= 0) {
                  return -1;
                }
                int b = super.read();
                if (b >= 0) {
                  left--;
                }
                return b;
              }

              @Override
              public int read(byte[] target, int off, int len) throws IOException {
                if (left <= 0) {
                  return -1;
                }
                int n = super.read(target, off, (int) Math.min(len, left));
                if (n > 0) {
                  left -= n;
                }
                return n;
              }
            });
    CharsetDecoder decoder =
        java.nio.charset.StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    LineChunkReader source = new LineChunkReader(new InputStreamReader(bytes, decoder), false);
    List<RawRecord> records = new ArrayList<>();
    try (CsvRecordReader reader = new CsvRecordReader(file, source, region.line() - 1, width)) {
      RawRecord r;
      while ((r = reader.next()) != null) {
        records.add(r);
      }
    }
    return records;
  }

  /**
   * Opens {@code file} and reads its header.
   *
   * @param charset the file's encoding (UTF-8 unless the manifest says otherwise); bytes not valid
   *     in it make their record malformed
   */
  public static CsvRecordReader open(Path file, Charset charset) throws IOException {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    LineChunkReader source =
        new LineChunkReader(new InputStreamReader(Files.newInputStream(file), decoder));
    try {
      return new CsvRecordReader(file, source, charset.name());
    } catch (IOException | RuntimeException e) {
      source.close();
      throw e;
    }
  }

  private CloseableIterator<RawRecord> newParser(long lineOffset) {
    collector.lineOffset(lineOffset);
    CsvReader<RawRecord> csv =
        CsvReader.builder()
            .allowExtraCharsAfterClosingQuote(false)
            .allowUnclosedQuote(false)
            .skipEmptyLines(true)
            .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
            .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
            .build(collector, new NonClosing(source));
    return csv.iterator();
  }

  @Override
  public List<String> header() {
    return header;
  }

  @Override
  public RawRecord next() throws IOException {
    try {
      return records.hasNext() ? records.next() : null;
    } catch (CsvParseException e) {
      // broken quoting (or a field beyond fastcsv's buffer): the parser is stuck inside the
      // record, so the record ends here and a fresh parser resumes at the next physical line
      long line = collector.currentLine();
      String[] partial = collector.fieldsSoFar();
      source.skipRestOfLine();
      records = newParser(linesBefore + source.linesHandedOut());
      return RawRecord.malformed(line, partial, "broken quoting: " + describe(e));
    } catch (UncheckedIOException e) {
      throw new IOException(file.getFileName() + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  private static String describe(CsvParseException e) {
    String message = e.getMessage() == null ? "unreadable record" : e.getMessage();
    // fastcsv counts lines from where its parser started; the record's own line is ours to give
    int at = message.indexOf(" (record starting at line");
    return at < 0 ? message : message.substring(0, at);
  }

  @Override
  public void close() throws IOException {
    source.close();
  }

  /** Lets a parser be abandoned after broken quoting without closing the file under the next. */
  private static final class NonClosing extends java.io.Reader {
    private final LineChunkReader in;

    NonClosing(LineChunkReader in) {
      this.in = in;
    }

    @Override
    public int read(char[] target, int off, int len) throws IOException {
      return in.read(target, off, len);
    }

    @Override
    public void close() {}
  }
}
