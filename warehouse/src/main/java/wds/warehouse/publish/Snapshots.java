package wds.warehouse.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The folder of published snapshots as readers see it: {@code current.duckdb}, a symbolic link to
 * the newest published snapshot, and {@code CURRENT}, a text file naming it for tools that do not
 * follow links. Readers open the file the link points to, read-only, so they never take the lock a
 * writer needs and never see a snapshot being built.
 */
public record Snapshots(Path folder) {

  public static final String CURRENT_LINK = "current.duckdb";
  public static final String CURRENT_FILE = "CURRENT";

  public Path currentLink() {
    return folder.resolve(CURRENT_LINK);
  }

  public Path currentFile() {
    return folder.resolve(CURRENT_FILE);
  }

  /** The published snapshot file that is current, if one is. */
  public Optional<Path> current() {
    try {
      Path link = currentLink();
      if (Files.isSymbolicLink(link)) {
        Path target = AtomicLink.target(link);
        if (Files.isRegularFile(target)) {
          return Optional.of(target);
        }
      }
      if (Files.isRegularFile(currentFile())) {
        String name = Files.readString(currentFile(), StandardCharsets.UTF_8).strip();
        Path named = folder.resolve(name);
        if (!name.isEmpty() && Files.isRegularFile(named)) {
          return Optional.of(named);
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the current snapshot in " + folder, e);
    }
  }

  /** The current snapshot, or a {@link NoSnapshotException} saying there is none yet. */
  public Path requireCurrent() {
    return current().orElseThrow(() -> new NoSnapshotException(folder));
  }

  /** A read-only connection to the current snapshot. */
  public Connection openCurrent() throws SQLException {
    return openReadOnly(requireCurrent());
  }

  /** A read-only DuckDB connection to a snapshot file ({@code duckdb.read_only=true}). */
  public static Connection openReadOnly(Path snapshot) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("duckdb.read_only", "true");
    return DriverManager.getConnection("jdbc:duckdb:" + snapshot.toAbsolutePath(), properties);
  }

  /** The published snapshot files in the folder, oldest first. */
  public List<SnapshotName> published() {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      List<SnapshotName> names = new ArrayList<>();
      files
          .filter(f -> !Files.isSymbolicLink(f))
          .forEach(f -> SnapshotName.parse(f.getFileName().toString()).ifPresent(names::add));
      names.sort(null);
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the snapshots in " + folder, e);
    }
  }
}
