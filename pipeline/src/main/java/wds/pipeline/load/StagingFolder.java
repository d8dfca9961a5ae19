package wds.pipeline.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The temporary folder of one extract's staging files (raw records as delivered, the file's
 * distinct identity numbers and their keys), inside the home's quarantine ({@code
 * <home>/quarantine/.staging-…}), readable by its owner only. Those files hold raw identity
 * numbers, as the quarantine does, so they stay where the quarantine's access rules apply and never
 * go to the machine's shared temporary directory. It lives as long as one file is staged; what a
 * killed load left behind is removed when the next load starts ({@link #clearLeftovers}).
 */
final class StagingFolder {

  private static final String PREFIX = ".staging-";

  private StagingFolder() {}

  /** A new staging folder under {@code quarantine}, made (owner only) if missing. */
  static Path create(Path quarantine) throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(quarantine)) {
      Files.createDirectories(quarantine);
      if (posix) {
        Files.setPosixFilePermissions(quarantine, PosixFilePermissions.fromString("rwx------"));
      }
    }
    if (posix) {
      return Files.createTempDirectory(
          quarantine,
          PREFIX,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    return Files.createTempDirectory(quarantine, PREFIX);
  }

  /** Removes the staging folders a killed load left under {@code quarantine}. */
  static void clearLeftovers(Path quarantine) {
    if (!Files.isDirectory(quarantine)) {
      return;
    }
    try (DirectoryStream<Path> left = Files.newDirectoryStream(quarantine, PREFIX + "*")) {
      for (Path folder : left) {
        delete(folder);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the quarantine " + quarantine, e);
    }
  }

  /** Removes the folder and whatever is left in it. */
  static void delete(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the staging folder " + folder, e);
    }
  }
}
