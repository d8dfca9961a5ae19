package wds.warehouse.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder that readers open by one name ({@code lake}, {@code public}) and that is replaced whole:
 * each version is written under {@code <name>.d/.<version>.building}, renamed to {@code
 * <name>.d/<version>} when complete, and then the name, a symbolic link, is swapped to it in one
 * rename. A reader walking the folder sees the old version or the new one, never a mix; the
 * previous versions stay on disk ({@code keep} in all) for readers still busy with them.
 */
public record VersionedFolder(Path link, int keep) {

  public VersionedFolder {
    link = link.toAbsolutePath().normalize();
    if (keep < 1) {
      throw new IllegalArgumentException("keep at least one version, not " + keep);
    }
  }

  /** Where the versions live: {@code <name>.d} beside the link. */
  public Path versions() {
    return link.resolveSibling(link.getFileName() + ".d");
  }

  /** An empty folder to write version {@code version} into, aside from what readers see. */
  public Path prepare(String version) throws IOException {
    Path building = versions().resolve("." + version + ".building");
    deleteTree(building);
    Files.createDirectories(building);
    return building;
  }

  /** The version the link points to now, if any. */
  public Optional<Path> current() {
    try {
      return Files.isSymbolicLink(link) ? Optional.of(AtomicLink.target(link)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Makes the folder {@code building} (from {@link #prepare}) the version readers see, and removes
   * versions beyond the newest {@code keep}.
   *
   * @return the published version's folder
   */
  public Path publish(Path building, String version) throws IOException {
    Path target = versions().resolve(version);
    for (int n = 1; Files.exists(target); n++) {
      target = versions().resolve(version + "-" + n);
    }
    Files.move(building, target);
    adoptPlainFolder();
    AtomicLink.pointTo(link, link.getParent().relativize(target).toString());
    prune(target);
    return target;
  }

  /**
   * The first time, the name may be a plain folder (made by {@code WdsHome.create()}): an empty one
   * is removed, a full one kept as a version so nothing is lost.
   */
  private void adoptPlainFolder() throws IOException {
    if (Files.isDirectory(link) && !Files.isSymbolicLink(link)) {
      boolean empty;
      try (Stream<Path> entries = Files.list(link)) {
        empty = entries.findAny().isEmpty();
      }
      if (empty) {
        Files.delete(link);
      } else {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now());
        Files.move(link, versions().resolve("before-" + stamp));
      }
    }
  }

  private void prune(Path current) throws IOException {
    List<Path> old;
    try (Stream<Path> entries = Files.list(versions())) {
      old =
          entries
              .filter(Files::isDirectory)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .filter(p -> !p.equals(current))
              .sorted(Comparator.comparing(this::modified).reversed())
              .toList();
    }
    for (int i = keep - 1; i < old.size(); i++) {
      deleteTree(old.get(i));
    }
  }

  private long modified(Path folder) {
    try {
      return Files.getLastModifiedTime(folder).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  /** Deletes a folder and everything in it, if it exists. */
  public static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        folder,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
