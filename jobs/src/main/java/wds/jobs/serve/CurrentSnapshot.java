package wds.jobs.serve;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import wds.warehouse.publish.Snapshots;

/**
 * The published snapshot the dashboard reads: a read-only DuckDB database opened once per snapshot
 * file, and a cheap duplicate connection of it lent to each request. Every request first looks at
 * {@code current.duckdb}; when the nightly has published a newer file, the next request opens that
 * one and the old database is closed once its last request is done. A request thus reads one whole
 * snapshot from start to end, never a half-published one, and never holds a lock the nightly needs
 * (the nightly writes a new file beside it).
 */
public final class CurrentSnapshot implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CurrentSnapshot.class);

  private final Snapshots snapshots;
  private Opened opened;

  public CurrentSnapshot(Path snapshotFolder) {
    this.snapshots = new Snapshots(snapshotFolder);
  }

  /** One snapshot file open read-only, with the count of requests still reading it. */
  private static final class Opened {
    final Path file;
    final DuckDBConnection root;
    final AtomicInteger users = new AtomicInteger(1); // the holder's own reference
    volatile boolean retired;

    Opened(Path file) throws SQLException {
      this.file = file;
      this.root = Snapshots.openReadOnly(file).unwrap(DuckDBConnection.class);
    }

    void release() {
      if (users.decrementAndGet() == 0) {
        try {
          root.close();
          log.info("closed snapshot {}", file.getFileName());
        } catch (SQLException e) {
          log.warn("closing snapshot {} failed", file.getFileName(), e);
        }
      }
    }
  }

  /** A connection to the current snapshot for one request, or empty when none is published yet. */
  public Optional<Lease> lease() throws SQLException {
    Optional<Path> current = snapshots.current();
    if (current.isEmpty()) {
      return Optional.empty();
    }
    Opened use;
    synchronized (this) {
      if (opened == null || !opened.file.equals(current.get())) {
        Opened fresh = new Opened(current.get());
        log.info("reading snapshot {}", fresh.file.getFileName());
        if (opened != null) {
          opened.retired = true;
          opened.release();
        }
        opened = fresh;
      }
      use = opened;
      use.users.incrementAndGet();
    }
    try {
      return Optional.of(new Lease(use, use.root.duplicate()));
    } catch (SQLException e) {
      use.release();
      throw e;
    }
  }

  /** One request's connection to one snapshot; closing it lets the snapshot go when retired. */
  public static final class Lease implements AutoCloseable {
    private final Opened opened;
    private final Connection connection;

    private Lease(Opened opened, Connection connection) {
      this.opened = opened;
      this.connection = connection;
    }

    public Connection connection() {
      return connection;
    }

    /** The snapshot's file name: {@code wds-20261207T020000.duckdb}. */
    public String snapshotName() {
      return opened.file.getFileName().toString();
    }

    @Override
    public void close() throws SQLException {
      try {
        connection.close();
      } finally {
        opened.release();
      }
    }
  }

  @Override
  public synchronized void close() {
    if (opened != null) {
      opened.release();
      opened = null;
    }
  }
}
