package wds.warehouse.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import wds.schemas.sql.SqlFile;

/**
 * The publisher of warehouse snapshots: builds a new snapshot file aside, gates it, and makes it
 * current in one atomic step.
 *
 * <p>A build attaches a new file {@code wds-<yyyyMMdd-HHmmss>[-n].duckdb} to the writer's
 * connection in the storage format DuckDB 1.x clients read ({@link #STORAGE_VERSION}), lets the
 * {@link SnapshotContent} fill it, copies the load audit into it, runs the quality gates, and
 * detaches it. Only when every gate passes does {@code current.duckdb} (a symbolic link swapped by
 * rename) and {@code CURRENT} (a text file naming it) move to the new file; the last {@code keep}
 * published snapshots are kept and the current one is never removed. A failed gate leaves the
 * previous snapshot current and the new file renamed {@code <name>.duckdb.rejected} for the
 * operator to inspect. While it is built, the snapshot has a {@link BuildMarker}: a build whose run
 * died is cleared by {@link UnpublishedBuilds} at the start of the next run. Readers hold read-only
 * connections to the files themselves, so a build never waits for them and they never see a
 * half-built snapshot.
 */
public final class SnapshotPublisher {

  /** The storage format of snapshots: the newest that DuckDB 1.x clients can open (STACK.md). */
  public static final String STORAGE_VERSION = "v1.5.0";

  /** The catalog name a snapshot is attached as while it is built. */
  public static final String CATALOG = "snap";

  /** The audit tables copied from the work database into every snapshot. */
  public static final List<String> AUDIT_TABLES = List.of("etl_delivery", "etl_reject");

  public static final String REJECTED_SUFFIX = ".rejected";
  public static final int DEFAULT_KEEP = 7;

  private static final Logger log = LoggerFactory.getLogger(SnapshotPublisher.class);

  private final Snapshots snapshots;
  private final List<QualityGate> gates;
  private final int keep;
  private final Clock clock;

  public SnapshotPublisher(Path folder, List<QualityGate> gates) {
    this(folder, gates, DEFAULT_KEEP, Clock.systemDefaultZone());
  }

  public SnapshotPublisher(Path folder, List<QualityGate> gates, int keep, Clock clock) {
    if (keep < 1) {
      throw new IllegalArgumentException("keep at least one published snapshot, not " + keep);
    }
    this.snapshots = new Snapshots(folder);
    this.gates = List.copyOf(gates);
    this.keep = keep;
    this.clock = clock;
  }

  public Snapshots snapshots() {
    return snapshots;
  }

  /**
   * Builds a snapshot from the work database {@code work} (the writer's connection) and publishes
   * it if every gate passes. A failure of the content itself (an exception) removes the half-built
   * file and is rethrown; the current snapshot stays as it was in every failing case.
   */
  public PublishResult publish(Connection work, SnapshotContent content)
      throws SQLException, IOException {
    Files.createDirectories(snapshots.folder());
    Path file = snapshots.folder().resolve(nextName().fileName());
    // the marker says "being built" for as long as this process lives (UnpublishedBuilds)
    try (BuildMarker marker = BuildMarker.take(file)) {
      String workCatalog = currentCatalog(work);
      log.info("building snapshot {}", file.getFileName());
      execute(
          work,
          "ATTACH "
              + SqlFile.literal(file.toString())
              + " AS "
              + CATALOG
              + " (STORAGE_VERSION "
              + SqlFile.literal(STORAGE_VERSION)
              + ")");
      List<GateFailure> failures;
      // what the end of the build costs, in the log: the nightly's time between the build and the
      // publication was not told apart before (NIGHTLY-SPEED.md, branch gates-fast)
      List<String> timings = new ArrayList<>();
      try {
        content.fill(work, CATALOG);
        long start = System.nanoTime();
        execute(work, "USE " + SqlFile.quote(workCatalog));
        copyAudit(work, workCatalog);
        start = took("load audit copied in", start, timings);
        failures = runGates(work, timings);
        start = System.nanoTime();
        execute(work, "CHECKPOINT " + CATALOG);
        took("checkpoint", start, timings);
      } catch (SQLException | RuntimeException e) {
        detachQuietly(work, workCatalog);
        deleteSnapshotFile(file);
        throw e;
      }
      long detach = System.nanoTime();
      execute(work, "DETACH " + CATALOG);
      took("detach", detach, timings);
      log.info("snapshot {}: {}", file.getFileName(), String.join(", ", timings));

      if (!failures.isEmpty()) {
        Path rejected = file.resolveSibling(file.getFileName() + REJECTED_SUFFIX);
        Files.move(file, rejected, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(wal(file));
        pruneRejected();
        PublishResult result = new PublishResult(rejected, false, failures);
        log.warn(
            "snapshot {} not published, {} gate failure(s); {} stays current:\n{}",
            file.getFileName(),
            failures.size(),
            snapshots.current().map(p -> p.getFileName().toString()).orElse("no snapshot"),
            result.describeFailures());
        return result;
      }
      AtomicLink.pointTo(snapshots.currentLink(), file.getFileName().toString());
      AtomicLink.write(snapshots.currentFile(), file.getFileName() + "\n");
      log.info("published snapshot {}", file.getFileName());
      prune();
      return new PublishResult(file, true, List.of());
    }
  }

  private SnapshotName nextName() {
    SnapshotName name = new SnapshotName(LocalDateTime.now(clock), 0);
    while (Files.exists(snapshots.folder().resolve(name.fileName()))
        || Files.exists(snapshots.folder().resolve(name.fileName() + REJECTED_SUFFIX))) {
      name = name.next();
    }
    return name;
  }

  private void copyAudit(Connection work, String workCatalog) throws SQLException {
    CatalogTables source = CatalogTables.read(work, workCatalog);
    for (String audit : AUDIT_TABLES) {
      if (source.has(audit)) {
        execute(
            work,
            "CREATE OR REPLACE TABLE "
                + table(CATALOG, audit)
                + " AS SELECT * FROM "
                + table(workCatalog, audit));
      } else {
        log.warn("the work database has no {} table to copy into the snapshot", audit);
      }
    }
  }

  private List<GateFailure> runGates(Connection work, List<String> timings) {
    List<GateFailure> failures = new ArrayList<>();
    for (QualityGate gate : gates) {
      long start = System.nanoTime();
      try {
        failures.addAll(gate.check(work, CATALOG));
      } catch (SQLException | RuntimeException e) {
        // A gate that cannot run has not passed.
        failures.add(new GateFailure(gate.name(), "the gate could not run: " + e.getMessage()));
      }
      took("gate " + gate.name(), start, timings);
    }
    return failures;
  }

  /** Notes how long a part took since {@code start} ({@code System.nanoTime()}); now. */
  private static long took(String part, long start, List<String> timings) {
    long now = System.nanoTime();
    timings.add(part + " " + (now - start) / 1_000_000 + " ms");
    return now;
  }

  /**
   * Removes published snapshots beyond the newest {@code keep}, never the current one (which an
   * operator may have pointed back at an older snapshot).
   */
  public void prune() throws IOException {
    Optional<String> current = snapshots.current().map(p -> p.getFileName().toString());
    List<SnapshotName> published = new ArrayList<>(snapshots.published());
    for (int i = 0; i < published.size() - keep; i++) {
      String name = published.get(i).fileName();
      if (current.isPresent() && current.get().equals(name)) {
        continue;
      }
      Path old = snapshots.folder().resolve(name);
      // A reader that still has the file open keeps reading it: unlinking does not close it.
      Files.deleteIfExists(old);
      Files.deleteIfExists(wal(old));
      log.info("removed snapshot {} (keeping the last {})", name, keep);
    }
  }

  private void pruneRejected() throws IOException {
    List<Path> rejected;
    try (var files = Files.list(snapshots.folder())) {
      rejected =
          files
              .filter(
                  f -> f.getFileName().toString().endsWith(SnapshotName.SUFFIX + REJECTED_SUFFIX))
              .sorted()
              .toList();
    }
    for (int i = 0; i < rejected.size() - keep; i++) {
      Files.deleteIfExists(rejected.get(i));
    }
  }

  private static Path wal(Path file) {
    return file.resolveSibling(file.getFileName() + ".wal");
  }

  private static String currentCatalog(Connection work) throws SQLException {
    try (Statement statement = work.createStatement();
        ResultSet rows = statement.executeQuery("SELECT current_database()")) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static void detachQuietly(Connection work, String workCatalog) {
    try {
      execute(work, "USE " + SqlFile.quote(workCatalog));
      execute(work, "DETACH DATABASE IF EXISTS " + CATALOG);
    } catch (SQLException e) {
      log.warn("could not detach the failed snapshot: {}", e.getMessage());
    }
  }

  private static void deleteSnapshotFile(Path file) {
    try {
      Files.deleteIfExists(file);
      Files.deleteIfExists(wal(file));
    } catch (IOException e) {
      log.warn("could not remove the failed snapshot {}: {}", file, e.getMessage());
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** {@code "catalog"."main"."table"}. */
  private static String table(String catalog, String table) {
    return SqlFile.quote(catalog) + ".main." + SqlFile.quote(table);
  }
}
