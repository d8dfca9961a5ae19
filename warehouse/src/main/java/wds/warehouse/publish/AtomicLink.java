package wds.warehouse.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Atomic replacement of what a name points to: a symbolic link made under a temporary name and
 * renamed over the old one, and small text files written the same way. A rename within one folder
 * is atomic on POSIX file systems, so a reader opening the name sees the old target or the new one,
 * never none.
 */
public final class AtomicLink {

  private AtomicLink() {}

  /**
   * Points {@code link} at {@code target}, a path relative to the link's folder (so the whole home
   * can be moved), replacing any link that was there.
   */
  public static void pointTo(Path link, String target) throws IOException {
    Path temporary = link.resolveSibling("." + link.getFileName() + "." + UUID.randomUUID());
    Files.createSymbolicLink(temporary, Path.of(target));
    try {
      Files.move(temporary, link, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
  }

  /** Writes {@code text} to {@code file} through a temporary file renamed over it. */
  public static void write(Path file, String text) throws IOException {
    Path temporary = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID());
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    try {
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
  }

  /** Where the link {@code link} points, resolved against its folder, if it is a link. */
  public static Path target(Path link) throws IOException {
    return link.resolveSibling(Files.readSymbolicLink(link)).normalize();
  }
}
