package wds.pipeline.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import wds.pipeline.log.LogText;

/**
 * A path of the drop folder judged as the closed world the loader reads: what it really is once
 * links are followed, and whether that lies inside the drop folder. A file, manifest or source
 * folder whose real path lies outside the drop (a link to elsewhere) is refused, and so is a
 * directory, FIFO, device or socket where a file is expected, each by what it is: reading a FIFO
 * would block the night, reading a device would never end.
 *
 * @param drop the drop folder
 * @param path a path inside it, as the loader found or was told it
 */
public record DropPath(Path drop, Path path) {

  // the file-type bits of st_mode (POSIX <sys/stat.h>)
  private static final int S_IFMT = 0170000;
  private static final int S_IFSOCK = 0140000;
  private static final int S_IFLNK = 0120000;
  private static final int S_IFREG = 0100000;
  private static final int S_IFBLK = 0060000;
  private static final int S_IFDIR = 0040000;
  private static final int S_IFCHR = 0020000;
  private static final int S_IFIFO = 0010000;

  /** Whether anything, even a dangling link, is at this path. */
  public boolean exists() {
    return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Why this path cannot be read as a delivered file, or empty when it is a regular file inside the
   * drop folder. The fault starts with the path's name (escaped for logs).
   */
  public Optional<String> fileFault() {
    String name = LogText.escape(path.getFileName().toString());
    if (!exists()) {
      return Optional.of(name + ": file missing");
    }
    Optional<String> outside = outside(name);
    if (outside.isPresent()) {
      return outside;
    }
    String kind = kind();
    return kind.equals("a file")
        ? Optional.empty()
        : Optional.of(name + " is " + kind + ", not a file");
  }

  /** Why this path cannot be read as a source folder, or empty when it is a folder in the drop. */
  public Optional<String> folderFault() {
    String name = LogText.escape(path.getFileName().toString()) + "/";
    Optional<String> outside = outside(name);
    if (outside.isPresent()) {
      return outside;
    }
    String kind = kind();
    return kind.equals("a directory")
        ? Optional.empty()
        : Optional.of(name + " is " + kind + ", not a folder");
  }

  private Optional<String> outside(String name) {
    Path real;
    Path root;
    try {
      root = drop.toRealPath();
    } catch (IOException e) {
      return Optional.of(
          name + ": the drop folder cannot be resolved (" + e.getClass().getSimpleName() + ")");
    }
    try {
      real = path.toRealPath();
    } catch (IOException e) {
      return Optional.of(name + " is a link to nothing (its target does not exist)");
    }
    if (!real.startsWith(root)) {
      return Optional.of(
          name
              + " lies outside the drop folder (a link to elsewhere): refused, the drop is a closed world");
    }
    return Optional.empty();
  }

  /** What the path is once links are followed: "a file", "a directory", "a FIFO", ... */
  private String kind() {
    try {
      Object mode = Files.getAttribute(path, "unix:mode");
      if (mode instanceof Integer m) {
        return switch (m & S_IFMT) {
          case S_IFREG -> "a file";
          case S_IFDIR -> "a directory";
          case S_IFIFO -> "a FIFO";
          case S_IFCHR -> "a character device";
          case S_IFBLK -> "a block device";
          case S_IFSOCK -> "a socket";
          case S_IFLNK -> "a link";
          default -> "not a file of any known kind";
        };
      }
    } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
      // no unix view on this file system: the basic attributes still tell files from the rest
    }
    try {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
      if (a.isRegularFile()) {
        return "a file";
      }
      return a.isDirectory() ? "a directory" : "a special file (a device, FIFO or socket)";
    } catch (IOException e) {
      return "unreadable (" + e.getClass().getSimpleName() + ")";
    }
  }
}
