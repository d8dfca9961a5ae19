package wds.pipeline.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The temporary folder of one extract's staging files (raw CSV, pseudonym keys), under {@code
 * java.io.tmpdir}, readable by its owner only: the rows are pseudonymised but may carry free text.
 * It lives as long as one file is staged.
 */
final class StagingFolder {

  private StagingFolder() {}

  static Path create() throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return Files.createTempDirectory(
          "wds-staging-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    return Files.createTempDirectory("wds-staging-");
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
