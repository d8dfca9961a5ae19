package wds.pipeline.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The temporary folder of one extract's staging files (raw records as delivered, the file's
 * distinct identity numbers and their keys), inside the home's quarantine ({@code
 * <home>/quarantine/.staging-…}), readable by its owner only. Those files hold raw identity
 * numbers, as the quarantine does, so they stay where the quarantine's access rules apply and never
 * go to the machine's shared temporary directory. It lives as long as one file is staged; what a
 * killed load left behind is removed when the next load starts ({@link #clearLeftovers}).
 *
 * <p>DuckDB's own spill files are such files too: a raw table that outgrows DuckDB's {@code
 * memory_limit} is written, raw identity numbers and all, to DuckDB's temporary folder, by default
 * {@code work.duckdb.tmp/} beside the database. The loader points that folder into the quarantine
 * ({@link #spillInto}), where the same rules and the same clearing apply.
 */
final class StagingFolder {

  private static final String PREFIX = ".staging-";

  private StagingFolder() {}

  /** DuckDB's spill folder while it loads: under the quarantine, cleared like the others. */
  static final String SPILL = PREFIX + "spill";

  /** A new staging folder under {@code quarantine}, made (owner only) if missing. */
  static Path create(Path quarantine) throws IOException {
    boolean posix = quarantine(quarantine);
    if (posix) {
      return Files.createTempDirectory(
          quarantine,
          PREFIX,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    return Files.createTempDirectory(quarantine, PREFIX);
  }

  /**
   * Points the spill folder of {@code connection}'s DuckDB database at {@code <quarantine>/}{@value
   * #SPILL}, making the quarantine (owner only) if missing. DuckDB makes the folder when it first
   * spills, removes its files as it goes and the folder when the database closes; a killed load's
   * are removed by {@link #clearLeftovers}. The setting holds for the whole database, so the build
   * that follows a load in the same process spills there too: its tables hold only person keys, and
   * the quarantine is where a spill is safe either way.
   */
  static void spillInto(Connection connection, Path quarantine) throws IOException, SQLException {
    quarantine(quarantine);
    try (PreparedStatement set = connection.prepareStatement("SET temp_directory = ?")) {
      set.setString(1, quarantine.resolve(SPILL).toAbsolutePath().toString());
      set.execute();
    }
  }

  /** Makes the quarantine, owner only, if missing; whether the file system has POSIX modes. */
  private static boolean quarantine(Path quarantine) throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(quarantine)) {
      Files.createDirectories(quarantine);
      if (posix) {
        Files.setPosixFilePermissions(quarantine, PosixFilePermissions.fromString("rwx------"));
      }
    }
    return posix;
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
