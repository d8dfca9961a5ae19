package wds.pipeline.synthetic;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import wds.schemas.CountyClock;

/**
 * An xlsx workbook (first sheet, header in row 1, every cell text), streamed with POI's SXSSF so
 * that memory stays flat. POI stamps zip entries with the current time, so the finished file is
 * re-zipped with fixed entry times and the document properties carry the extract date: the same
 * rows always give the same bytes.
 */
final class XlsxExtractFile implements ExtractFile {

  private final Path path;
  private final LocalDateTime stamp;
  private final SXSSFWorkbook workbook;
  private final SXSSFSheet sheet;
  private long records;

  XlsxExtractFile(Path path, String sheetName, String[] header, LocalDateTime stamp) {
    this.path = path;
    this.stamp = stamp;
    this.workbook = new SXSSFWorkbook(200);
    this.sheet = workbook.createSheet(sheetName);
    Date created = Date.from(stamp.toInstant(CountyClock.OFFSET));
    var core = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
    core.setCreated(Optional.of(created));
    core.setModified(Optional.of(created));
    core.setCreator("wds generate");
    writeRow(0, header);
  }

  @Override
  public void write(String[] values) {
    records++;
    writeRow((int) records, values);
  }

  private void writeRow(int index, String[] values) {
    Row row = sheet.createRow(index);
    for (int i = 0; i < values.length; i++) {
      if (!values[i].isEmpty()) {
        row.createCell(i).setCellValue(values[i]);
      }
    }
  }

  @Override
  public boolean acceptsRaw() {
    return false;
  }

  @Override
  public void writeRaw(byte[] line) {
    throw new UnsupportedOperationException("an xlsx file has no raw lines");
  }

  @Override
  public Charset charset() {
    return StandardCharsets.UTF_8;
  }

  @Override
  public long records() {
    return records;
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    Path raw = path.resolveSibling(path.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(raw)) {
      workbook.write(out);
    } finally {
      workbook.close();
    }
    try (ZipFile zin = new ZipFile(raw.toFile());
        ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(path))) {
      for (ZipEntry e : java.util.Collections.list(zin.entries())) {
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTimeLocal(stamp);
        zout.putNextEntry(copy);
        try (InputStream in = zin.getInputStream(e)) {
          in.transferTo(zout);
        }
        zout.closeEntry();
      }
    }
    Files.delete(raw);
  }
}
