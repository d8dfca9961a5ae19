package wds.pipeline.load;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import wds.pipeline.read.RawRecord;
import wds.pipeline.validate.RejectReason;

/**
 * The quarantine of one extract of one delivery: {@code
 * <home>/quarantine/<source>/<yyyymmdd>/<extract>.csv}, one line per rejected row with where it
 * came from, its reason and its raw values (identity numbers included, for correction), readable by
 * the operator only (folders 0700, files 0600). Written aside as {@code .part} and put in place
 * only when its delivery is committed; a refused delivery leaves none.
 */
public final class QuarantineFile implements AutoCloseable {

  private static final List<String> PREFIX =
      List.of("source", "extract", "delivery_date", "origin", "line", "reason", "column", "detail");

  private final Path target;
  private final Path part;
  private final String source;
  private final String extract;
  private final LocalDate date;
  private final String origin;
  private final List<String> header;
  private final boolean append;
  private CsvWriter csv;
  private Writer out;
  private long rows;

  private QuarantineFile(
      Path root,
      String source,
      String extract,
      LocalDate date,
      String origin,
      List<String> header,
      boolean append) {
    Path folder = root.resolve(source).resolve(date.format(Delivery.BASIC_DATE));
    this.target = folder.resolve(extract + ".csv");
    this.part = folder.resolve(extract + ".csv.part");
    this.source = source;
    this.extract = extract;
    this.date = date;
    this.origin = origin;
    this.header = List.copyOf(header);
    this.append = append;
  }

  /**
   * The quarantine of a delivered file (replaces any earlier quarantine of the same extract and
   * night) or, with {@code append}, of a JDBC pull (several pulls of a day add up).
   */
  public static QuarantineFile of(
      Path root,
      String source,
      String extract,
      LocalDate date,
      String origin,
      List<String> header,
      boolean append) {
    return new QuarantineFile(root, source, extract, date, origin, header, append);
  }

  /** Keeps one rejected row. */
  public void write(RawRecord record, RejectReason reason, String column, String detail) {
    try {
      if (csv == null) {
        openPart();
      }
      List<String> line = new ArrayList<>(PREFIX.size() + record.values().length);
      line.addAll(
          List.of(
              source,
              extract,
              date.toString(),
              origin,
              Long.toString(record.line()),
              reason.name(),
              column == null ? "" : column,
              detail == null ? "" : detail));
      line.addAll(Arrays.asList(record.values()));
      csv.writeRecord(line);
      rows++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the quarantine " + part, e);
    }
  }

  public long rows() {
    return rows;
  }

  /** Whether this quarantine adds to the day's file (a pull) rather than replacing it (a file). */
  boolean appends() {
    return append;
  }

  /** Puts the quarantine in place (its delivery is about to be committed). */
  public void commit() {
    close();
    if (rows == 0) {
      return;
    }
    try {
      if (append && Files.exists(target)) {
        List<String> lines = Files.readAllLines(part, StandardCharsets.UTF_8);
        Files.write(
            target,
            lines.subList(1, lines.size()),
            StandardCharsets.UTF_8,
            StandardOpenOption.APPEND);
        Files.delete(part);
      } else {
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot put the quarantine " + target + " in place", e);
    }
  }

  /** Throws the quarantine away (its delivery was refused or failed). */
  public void discard() {
    close();
    try {
      Files.deleteIfExists(part);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (out != null) {
      try {
        csv.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the quarantine " + part, e);
      }
      out = null;
    }
  }

  private void openPart() throws IOException {
    Path folder = part.getParent();
    Path root = folder.getParent().getParent();
    for (Path dir : List.of(root, folder.getParent(), folder)) {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir);
      }
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
    Files.deleteIfExists(part);
    Files.createFile(
        part, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    out =
        new BufferedWriter(
            Files.newBufferedWriter(part, StandardCharsets.UTF_8, StandardOpenOption.WRITE));
    csv = CsvWriter.builder().build(out);
    List<String> head = new ArrayList<>(PREFIX);
    head.addAll(header);
    csv.writeRecord(head);
  }
}
