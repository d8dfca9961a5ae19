package wds.jobs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock a {@code wds} command holds on its home while it writes there ({@code state/wds.lock},
 * an operating-system file lock, released when the process ends however it ends). A second command
 * that would write the same home is refused in one line instead of meeting DuckDB's file lock half
 * way through.
 */
public final class HomeLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private HomeLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the home's lock, or refuses.
   *
   * @param home a home whose folders exist
   * @throws OperatorException another wds holds it
   */
  public static HomeLock acquire(WdsHome home) {
    Path file = home.state().resolve("wds.lock");
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return new HomeLock(channel, lock);
      }
    } catch (OverlappingFileLockException e) {
      // held by this very process (a test running two commands at once): busy all the same
    } catch (IOException e) {
      close(channel);
      throw new OperatorException("cannot lock the home " + home.root() + ": " + OneLine.of(e), e);
    }
    close(channel);
    throw new OperatorException(
        "another wds is writing the home "
            + home.root()
            + " (it holds "
            + file
            + "); wait for it to finish, then run this again");
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }

  private static void close(FileChannel channel) {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException ignored) {
      // the refusal is what matters
    }
  }
}
