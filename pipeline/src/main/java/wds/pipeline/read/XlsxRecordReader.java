package wds.pipeline.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.SAXException;

/**
 * A reader of the first sheet of an {@code .xlsx} workbook, header in row 1, streamed: POI's {@link
 * XSSFReader} opens the package, {@link ReadOnlySharedStringsTable} holds the shared strings, and
 * the sheet's XML is pulled row by row with StAX, so a large workbook is never loaded whole. Cells
 * come back as the contract's text ({@link XlsxCellText}); a missing cell is {@code ""}. {@link
 * RawRecord#line()} is the sheet's row number. A row without any value is not a record; a row with
 * a value right of the header's last column is malformed.
 */
public final class XlsxRecordReader implements RecordReader {

  private static final String[] NO_VALUES = new String[0];

  /**
   * The zip-bomb guard: a part of the workbook may expand to at most 100 times its compressed size
   * (POI's own default ratio, stated here so that no other code can loosen it) and to at most 1 GiB
   * (a sheet of the default county is ~10 MB; POI's default would be 4 GiB). A workbook past either
   * limit is refused as unreadable before its XML is parsed further.
   */
  public static final double MIN_INFLATE_RATIO = 0.01;

  /** The largest uncompressed part of a workbook, in bytes (see {@link #MIN_INFLATE_RATIO}). */
  public static final long MAX_PART_BYTES = 1L << 30;

  static {
    ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
  }

  private final Path file;
  private final OPCPackage pkg;
  private final InputStream sheet;
  private final XMLStreamReader xml;
  private final XlsxCellText text;
  private final List<String> header;
  private final int width;
  private RawRecord pending;
  private boolean done;
  private long lastRow;

  private XlsxRecordReader(Path file, OPCPackage pkg) throws IOException {
    this.file = file;
    this.pkg = pkg;
    try {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
      StylesTable styles = reader.getStylesTable();
      boolean date1904;
      try (InputStream workbook = reader.getWorkbookData()) {
        date1904 = uses1904Dates(workbook);
      }
      this.text = new XlsxCellText(strings, styles, date1904);
      Iterator<InputStream> sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new IOException(file.getFileName() + ": the workbook has no sheet");
      }
      this.sheet = sheets.next();
      this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheet);
    } catch (OpenXML4JException | SAXException | XMLStreamException e) {
      throw new IOException(file.getFileName() + ": not a readable xlsx workbook: " + e, e);
    }
    RawRecord first = readRow(Integer.MAX_VALUE);
    if (first != null && first.line() == 1) {
      List<String> names = new ArrayList<>();
      for (String name : first.values()) {
        names.add(name.strip());
      }
      // empty cells right of the last name are formatting, not columns
      while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
        names.remove(names.size() - 1);
      }
      header = Collections.unmodifiableList(names);
    } else {
      header = List.of();
      pending = first;
    }
    width = header.size();
  }

  /** Opens the workbook {@code file} and reads the header of its first sheet. */
  public static XlsxRecordReader open(Path file) throws IOException {
    OPCPackage pkg;
    try {
      pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
    } catch (OpenXML4JException | RuntimeException e) {
      throw new IOException(file.getFileName() + ": not a readable xlsx workbook: " + e, e);
    }
    try {
      return new XlsxRecordReader(file, pkg);
    } catch (IOException | RuntimeException e) {
      pkg.revert();
      throw e;
    }
  }

  @Override
  public List<String> header() {
    return header;
  }

  @Override
  public RawRecord next() throws IOException {
    if (pending != null) {
      RawRecord record = pending;
      pending = null;
      return checked(record);
    }
    RawRecord record = readRow(width);
    return record == null ? null : checked(record);
  }

  private RawRecord checked(RawRecord record) {
    String[] values = record.values();
    if (values.length <= width) {
      return values.length == width
          ? record
          : new RawRecord(record.line(), Arrays.copyOf(padded(values), width), null);
    }
    for (int i = width; i < values.length; i++) {
      if (!values[i].isEmpty()) {
        return RawRecord.malformed(
            record.line(),
            values,
            "a value in column " + XlsxCellText.columnName(i) + ", right of the header");
      }
    }
    return new RawRecord(record.line(), Arrays.copyOf(values, width), null);
  }

  private String[] padded(String[] values) {
    String[] out = Arrays.copyOf(values, width);
    Arrays.fill(out, values.length, width, "");
    return out;
  }

  /**
   * The next row holding at least one value, as raw text in column order ({@code ""} where no
   * cell), at least {@code minWidth} wide when that is not {@code Integer.MAX_VALUE}; null at the
   * end of the sheet.
   */
  private RawRecord readRow(int minWidth) throws IOException {
    if (done) {
      return null;
    }
    try {
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
          String r = xml.getAttributeValue(null, "r");
          long rowNumber = r == null ? lastRow + 1 : Long.parseLong(r);
          lastRow = rowNumber;
          String[] values = readCells(minWidth == Integer.MAX_VALUE ? 0 : minWidth);
          if (values != null) {
            return new RawRecord(rowNumber, values, null);
          }
        } else if (event == XMLStreamConstants.END_ELEMENT
            && "sheetData".equals(xml.getLocalName())) {
          break;
        }
      }
      done = true;
      return null;
    } catch (XMLStreamException e) {
      // the parser wraps what its stream threw (POI's zip-bomb guard) under a "ParseError" line
      Throwable nested = e.getNestedException() != null ? e.getNestedException() : e;
      throw new IOException(
          file.getFileName() + ": unreadable sheet XML: " + oneLine(nested.getMessage()), nested);
    } catch (RuntimeException e) {
      throw new IOException(
          file.getFileName() + ": unreadable sheet XML: " + oneLine(String.valueOf(e)), e);
    }
  }

  /** The cells of the current row, or null when none holds a value. */
  private String[] readCells(int minWidth) throws XMLStreamException {
    String[] values = minWidth == 0 ? NO_VALUES : new String[minWidth];
    Arrays.fill(values, "");
    boolean any = false;
    int nextColumn = 0;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT && "c".equals(xml.getLocalName())) {
        String ref = xml.getAttributeValue(null, "r");
        int column = ref == null ? nextColumn : XlsxCellText.columnIndex(ref);
        nextColumn = column + 1;
        String value = readCell();
        if (!value.isEmpty()) {
          if (column >= values.length) {
            int old = values.length;
            values = Arrays.copyOf(values, Math.max(column + 1, old * 2));
            Arrays.fill(values, old, values.length, "");
          }
          values[column] = value;
          any = true;
        }
      } else if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
        break;
      }
    }
    if (!any) {
      return null;
    }
    if (minWidth == 0) {
      // the header: as wide as its last value
      int last = values.length;
      while (last > 0 && values[last - 1].isEmpty()) {
        last--;
      }
      return Arrays.copyOf(values, last);
    }
    return values;
  }

  /** The text of the cell whose start tag was just read; the reader ends on its end tag. */
  private String readCell() throws XMLStreamException {
    String type = xml.getAttributeValue(null, "t");
    String style = xml.getAttributeValue(null, "s");
    String raw = null;
    StringBuilder inline = null;
    int phonetic = 0;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        switch (xml.getLocalName()) {
          case "v" -> raw = xml.getElementText();
          case "rPh" -> phonetic++;
          case "t" -> {
            String t = xml.getElementText();
            if (phonetic == 0) {
              inline = inline == null ? new StringBuilder() : inline;
              inline.append(t);
            }
          }
          default -> {}
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        String name = xml.getLocalName();
        if ("rPh".equals(name)) {
          phonetic--;
        } else if ("c".equals(name)) {
          break;
        }
      }
    }
    return text.of(type, style, raw, inline == null ? null : inline.toString());
  }

  private static String oneLine(String message) {
    return message == null ? "no message" : message.replace('\n', ' ').replace('\r', ' ');
  }

  private static boolean uses1904Dates(InputStream workbook) throws XMLStreamException {
    XMLStreamReader wb = XMLHelper.newXMLInputFactory().createXMLStreamReader(workbook);
    try {
      while (wb.hasNext()) {
        if (wb.next() == XMLStreamConstants.START_ELEMENT) {
          String name = wb.getLocalName();
          if ("workbookPr".equals(name)) {
            String v = wb.getAttributeValue(null, "date1904");
            return "1".equals(v) || "true".equalsIgnoreCase(v);
          }
          if ("sheets".equals(name)) {
            return false;
          }
        }
      }
      return false;
    } finally {
      wb.close();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      xml.close();
    } catch (XMLStreamException e) {
      // closing the stream below is what matters
    } finally {
      sheet.close();
      pkg.revert();
    }
  }
}
