package wds.warehouse.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clearing of snapshot builds that a run left unpublished when it died (killed during the
 * build, the machine lost): the half-built snapshot file and its {@code .wal}.
 *
 * <p>Only a file with a {@link BuildMarker} whose lock can be taken is removed: a published
 * snapshot has no marker (it is removed when the build ends), the current snapshot is never removed
 * whatever its marker says, and a build still running holds its lock.
 */
public final class UnpublishedBuilds {

  private static final Logger log = LoggerFactory.getLogger(UnpublishedBuilds.class);

  private final Snapshots snapshots;

  public UnpublishedBuilds(Path folder) {
    this.snapshots = new Snapshots(folder);
  }

  /** Removes every abandoned build; returns the snapshot files removed. */
  public List<Path> clear() throws IOException {
    if (!Files.isDirectory(snapshots.folder())) {
      return List.of();
    }
    List<Path> markers;
    try (Stream<Path> files = Files.list(snapshots.folder())) {
      markers = files.filter(f -> BuildMarker.snapshotOf(f).isPresent()).sorted().toList();
    }
    Optional<Path> current = snapshots.current().map(Path::normalize);
    List<Path> removed = new ArrayList<>();
    for (Path marker : markers) {
      Path snapshot = BuildMarker.snapshotOf(marker).orElseThrow().normalize();
      Optional<BuildMarker> abandoned = BuildMarker.takeAbandoned(marker);
      if (abandoned.isEmpty()) {
        log.info("snapshot {} is being built by a live run; left alone", snapshot.getFileName());
        continue;
      }
      try (BuildMarker lock = abandoned.get()) {
        if (current.isPresent() && current.get().equals(snapshot)) {
          // published before its run died: it stays, only the marker goes
          continue;
        }
        boolean file = Files.deleteIfExists(snapshot);
        boolean wal =
            Files.deleteIfExists(snapshot.resolveSibling(snapshot.getFileName() + ".wal"));
        if (file || wal) {
          removed.add(snapshot);
          log.info(
              "removed the unpublished build {} left by a run that is no longer alive",
              snapshot.getFileName());
        }
      }
    }
    return removed;
  }
}
