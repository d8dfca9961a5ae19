package wds.jobs.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import wds.warehouse.publish.VersionedFolder;
import wds.warehouse.report.Report;
import wds.warehouse.report.ReportJson;

/**
 * Writes the files of one report into a folder, whole or not at all: built in a hidden sibling
 * folder, then moved into place, so a reader never finds half a report and a failure leaves nothing
 * behind.
 */
public final class ReportFiles {

  /** The files of a report, in the order they are written. */
  public static final List<String> NAMES =
      List.of("report.json", "report.html", "report.docx", "yearbook.xlsx");

  static {
    jdkTransformer();
  }

  private ReportFiles() {}

  /**
   * Names the JDK's own XSLT transformer as the JAXP {@code TransformerFactory}, unless one is
   * named already. POI asks JAXP for a new factory for every XML part it saves (each docx and xlsx
   * has dozens), and without a name JAXP looks one up through the ServiceLoader, which reads the
   * service files of every jar nested in the application jar: in the profile of a cold build of the
   * six reports, one sample in twelve was that look-up (README, "Time to build the reports"). The
   * JDK's transformer is the one the look-up ends on anyway (no jar here provides another).
   */
  private static void jdkTransformer() {
    String property = "javax.xml.transform.TransformerFactory";
    if (System.getProperty(property) == null) {
      System.setProperty(
          property, "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl");
    }
  }

  /** Writes the report's files into {@code folder} (replacing a previous report there). */
  public static Path write(Report report, Path folder) throws IOException {
    return write(report, folder, new RenderedParts());
  }

  /**
   * Writes the report's files into {@code folder}, reusing the parts of {@code parts} that other
   * reports of the same batch have already drawn.
   */
  static Path write(Report report, Path folder, RenderedParts parts) throws IOException {
    Path parent = folder.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path building = Files.createTempDirectory(parent, "." + folder.getFileName() + ".");
    try {
      try (OutputStream out = Files.newOutputStream(building.resolve("report.json"))) {
        ReportJson.write(report, out);
      }
      HtmlReport.write(report, building.resolve("report.html"), parts);
      DocxReport.write(report, building.resolve("report.docx"), parts);
      Yearbook.write(report, building.resolve("yearbook.xlsx"), parts);
      modes(building, report.publicVersion());
      replace(building, folder.toAbsolutePath());
      return folder;
    } catch (IOException | RuntimeException e) {
      VersionedFolder.deleteTree(building);
      throw e;
    }
  }

  /**
   * The report's folder 0750 and files 0640, as the snapshots they come from; a public report's
   * 0755 and 0644, as the public feed.
   */
  private static void modes(Path folder, boolean publicVersion) throws IOException {
    if (!folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    Files.setPosixFilePermissions(
        folder, PosixFilePermissions.fromString(publicVersion ? "rwxr-xr-x" : "rwxr-x---"));
    try (var files = Files.list(folder)) {
      for (Path f : files.toList()) {
        Files.setPosixFilePermissions(
            f, PosixFilePermissions.fromString(publicVersion ? "rw-r--r--" : "rw-r-----"));
      }
    }
  }

  private static void replace(Path building, Path folder) throws IOException {
    Path old = null;
    if (Files.exists(folder)) {
      old = Files.createTempDirectory(folder.getParent(), "." + folder.getFileName() + ".old.");
      Files.delete(old);
      Files.move(folder, old, StandardCopyOption.ATOMIC_MOVE);
    }
    try {
      Files.move(building, folder, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(building, folder);
    }
    if (old != null) {
      VersionedFolder.deleteTree(old);
    }
  }
}
