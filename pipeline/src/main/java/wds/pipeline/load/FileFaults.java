package wds.pipeline.load;

import java.util.Locale;
import wds.pipeline.log.LogText;

/** The faults of delivered files in words, one escaped line each, as refusals quote them. */
final class FileFaults {

  private FileFaults() {}

  /** What the manifest declares a file to be, for the fault of a file that is not that. */
  static String declared(ManifestFile f) {
    return f.name().toLowerCase(Locale.ROOT).endsWith(".xlsx")
        ? "an xlsx workbook"
        : "CSV in " + f.encoding().name();
  }

  /**
   * What an exception says, in one line (escaped): its message's first line, and its root cause's
   * when that adds something (POI and the XML parser wrap the fault that matters).
   */
  static String of(Throwable e) {
    Throwable t = e;
    if (t instanceof java.io.UncheckedIOException && t.getCause() != null) {
      t = t.getCause();
    }
    String text = firstLine(t);
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String rootText = firstLine(root);
    if (root != t && !text.contains(rootText)) {
      text = text + ": " + rootText;
    }
    return new LogText(text, 400).toString();
  }

  private static String firstLine(Throwable t) {
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      return t.getClass().getSimpleName();
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
