package wds.pipeline.read;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * Turns an xlsx cell into the text the sources contract expects, whatever the cell's display
 * format: strings as they are, whole numbers without {@code .0}, other numbers in plain decimal
 * notation, date-formatted numbers as ISO {@code yyyy-MM-dd} (or {@code yyyy-MM-ddTHH:mm:ss} when
 * the format shows a time or the value has one), booleans as {@code TRUE}/{@code FALSE}, errors as
 * Excel shows them ({@code #N/A}).
 */
final class XlsxCellText {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

  private final ReadOnlySharedStringsTable strings;
  private final StylesTable styles;
  private final boolean date1904;
  private final Map<Integer, DateStyle> styleCache = new HashMap<>();

  /** How a numeric cell of one style reads: as a number, a date, or a date and time. */
  private enum DateStyle {
    NUMBER,
    DATE,
    DATE_TIME
  }

  XlsxCellText(ReadOnlySharedStringsTable strings, StylesTable styles, boolean date1904) {
    this.strings = strings;
    this.styles = styles;
    this.date1904 = date1904;
  }

  /**
   * The text of a cell.
   *
   * @param type the cell's {@code t} attribute (null: a number)
   * @param style the cell's {@code s} attribute (null: the default style)
   * @param raw the cell's {@code <v>} content, or null
   * @param inline the text of an inline string ({@code <is>}), or null
   */
  String of(String type, String style, String raw, String inline) {
    if (type == null || "n".equals(type)) {
      return raw == null || raw.isBlank() ? "" : number(raw.strip(), style);
    }
    return switch (type) {
      case "s" -> raw == null ? "" : strings.getItemAt(Integer.parseInt(raw.strip())).getString();
      case "inlineStr" -> inline != null ? inline : raw == null ? "" : raw;
      case "b" -> raw == null ? "" : "1".equals(raw.strip()) ? "TRUE" : "FALSE";
      case "d" -> isoDate(raw);
      default -> raw == null ? "" : raw; // "str" (a formula's text) and "e" (an error)
    };
  }

  private String number(String raw, String style) {
    DateStyle kind =
        styleCache.computeIfAbsent(style == null ? 0 : Integer.parseInt(style), this::kind);
    if (kind != DateStyle.NUMBER) {
      double value = Double.parseDouble(raw);
      if (DateUtil.isValidExcelDate(value)) {
        LocalDateTime at = DateUtil.getLocalDateTime(value, date1904, true);
        if (kind == DateStyle.DATE && at.toLocalTime().equals(LocalTime.MIDNIGHT)) {
          return at.toLocalDate().toString();
        }
        return DATE_TIME.format(at);
      }
    }
    BigDecimal n = new BigDecimal(raw);
    return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
  }

  private DateStyle kind(int styleIndex) {
    if (styles == null || styleIndex >= styles.getNumCellStyles()) {
      return DateStyle.NUMBER;
    }
    XSSFCellStyle style = styles.getStyleAt(styleIndex);
    if (style == null) {
      return DateStyle.NUMBER;
    }
    String format = style.getDataFormatString();
    if (!DateUtil.isADateFormat(style.getDataFormat(), format)) {
      return DateStyle.NUMBER;
    }
    return showsTime(format) ? DateStyle.DATE_TIME : DateStyle.DATE;
  }

  /** Whether a date format shows hours or seconds (quoted text and [..] sections aside). */
  static boolean showsTime(String format) {
    if (format == null) {
      return false;
    }
    boolean quoted = false;
    boolean bracket = false;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '[') {
        bracket = true;
      } else if (!quoted && c == ']') {
        bracket = false;
      } else if (!quoted && !bracket && (c == 'h' || c == 'H' || c == 's' || c == 'S')) {
        return true;
      }
    }
    return false;
  }

  /** A cell of type {@code d}: an ISO 8601 date or date-time in the XML. */
  private static String isoDate(String raw) {
    if (raw == null || raw.isBlank()) {
      return "";
    }
    String s = raw.strip();
    if (s.endsWith("Z")) {
      s = s.substring(0, s.length() - 1);
    }
    int t = s.indexOf('T');
    if (t < 0) {
      return s;
    }
    String time = s.substring(t + 1);
    int dot = time.indexOf('.');
    if (dot >= 0) {
      time = time.substring(0, dot);
    }
    return "00:00:00".equals(time) || "00:00".equals(time)
        ? s.substring(0, t)
        : s.substring(0, t) + "T" + time;
  }

  /** The 0-based column index of a cell reference such as {@code "AB12"}. */
  static int columnIndex(String ref) {
    int column = 0;
    for (int i = 0; i < ref.length(); i++) {
      char c = ref.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        column = column * 26 + (c - 'A' + 1);
      } else if (c >= 'a' && c <= 'z') {
        column = column * 26 + (c - 'a' + 1);
      } else {
        break;
      }
    }
    return column - 1;
  }

  /** The letters of a 0-based column index ({@code 0} is {@code A}). */
  static String columnName(int index) {
    StringBuilder name = new StringBuilder();
    for (int n = index + 1; n > 0; n = (n - 1) / 26) {
      name.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return name.toString();
  }
}
