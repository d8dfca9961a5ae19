package wds.jobs.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of the home the downloads page lists and serves: the reports ({@code
 * reports/current/<kind>-<year>/}), the Parquet lake and the public feed. A requested name is
 * resolved inside its folder only (no {@code ..}, no absolute path, no link leading out), so a
 * request can never reach the state, the quarantine or a snapshot.
 */
final class HomeFiles {

  /** A relative path of plain names: letters, digits, {@code . _ = -}, no {@code ..}. */
  private static final Pattern RELATIVE =
      Pattern.compile("([A-Za-z0-9_=\\-][A-Za-z0-9_.=\\-]*)(/[A-Za-z0-9_=\\-][A-Za-z0-9_.=\\-]*)*");

  private HomeFiles() {}

  /** One file offered for download. */
  record Entry(String group, String path, long bytes) {
    public String size() {
      if (bytes < 1024) {
        return bytes + " B";
      }
      if (bytes < 1024 * 1024) {
        return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
      }
      return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }
  }

  /** Every regular file under {@code folder} (links followed), grouped by its first folder. */
  static List<Entry> list(Path folder) {
    List<Entry> entries = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return entries;
    }
    try {
      Path root = folder.toRealPath();
      try (Stream<Path> files = Files.walk(root, 6)) {
        files
            .filter(Files::isRegularFile)
            .filter(f -> !f.getFileName().toString().startsWith("."))
            .sorted()
            .forEach(
                f -> {
                  Path relative = root.relativize(f);
                  String group = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
                  entries.add(new Entry(group, relative.toString(), size(f)));
                });
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
    return entries;
  }

  /** The file {@code relative} inside {@code folder}, if it is one there. */
  static Optional<Path> resolve(Path folder, String relative) {
    if (relative == null || !RELATIVE.matcher(relative).matches() || relative.contains("..")) {
      return Optional.empty();
    }
    try {
      if (!Files.isDirectory(folder)) {
        return Optional.empty();
      }
      Path root = folder.toRealPath();
      Path file = root.resolve(relative).normalize();
      if (!Files.isRegularFile(file) || !file.toRealPath().startsWith(root)) {
        return Optional.empty();
      }
      return Optional.of(file);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
