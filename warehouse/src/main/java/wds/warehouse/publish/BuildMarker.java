package wds.warehouse.publish;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The marker of a snapshot build in progress: a file {@code .<snapshot>.building} beside the
 * snapshot, holding an exclusive lock of the operating system for as long as the building process
 * lives.
 *
 * <p>The lock, not the file, says whether the build is alive: the kernel releases it when the
 * process ends in any way, SIGKILL included, while the file stays. A marker whose lock can be taken
 * therefore belongs to a run that is no longer alive. The marker is removed while its lock is still
 * held, so whoever takes a lock on a marker that is gone knows the build finished.
 */
final class BuildMarker implements AutoCloseable {

  static final String PREFIX = ".";
  static final String SUFFIX = ".building";

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private BuildMarker(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** The marker of the build of {@code snapshot}. */
  static Path of(Path snapshot) {
    return snapshot.resolveSibling(PREFIX + snapshot.getFileName() + SUFFIX);
  }

  /** The snapshot a marker file stands for, if the name is a marker's. */
  static Optional<Path> snapshotOf(Path marker) {
    String name = marker.getFileName().toString();
    if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX) || name.length() <= 10) {
      return Optional.empty();
    }
    return Optional.of(
        marker.resolveSibling(name.substring(PREFIX.length(), name.length() - SUFFIX.length())));
  }

  /** Marks {@code snapshot} as being built by this process, until {@link #close()}. */
  static BuildMarker take(Path snapshot) throws IOException {
    Path file = of(snapshot);
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      channel.write(java.nio.ByteBuffer.wrap(pidLine()));
      return new BuildMarker(file, channel, channel.lock());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Takes the lock of a marker left by another run, if that run is no longer alive: empty when the
   * build is still running (its process holds the lock, here or in another process).
   */
  static Optional<BuildMarker> takeAbandoned(Path marker) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(marker, StandardOpenOption.WRITE);
    } catch (java.nio.file.NoSuchFileException e) {
      return Optional.empty();
    }
    try {
      FileLock lock = channel.tryLock();
      if (lock == null || !Files.exists(marker)) {
        // alive, or it finished and removed its marker between our open and our lock
        channel.close();
        return Optional.empty();
      }
      return Optional.of(new BuildMarker(marker, channel, lock));
    } catch (OverlappingFileLockException e) {
      // this very process is building it
      channel.close();
      return Optional.empty();
    }
  }

  /** Removes the marker, then lets go of its lock. */
  @Override
  public void close() throws IOException {
    try {
      Files.deleteIfExists(file);
    } finally {
      try {
        lock.release();
      } finally {
        channel.close();
      }
    }
  }

  private static byte[] pidLine() {
    // for the operator who finds the file: which process built it
    return ("pid " + ProcessHandle.current().pid() + "\n")
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
