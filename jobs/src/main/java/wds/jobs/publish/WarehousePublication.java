package wds.jobs.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import wds.jobs.HomeModes;
import wds.jobs.QuickCompilation;
import wds.jobs.WdsHome;
import wds.pipeline.load.WorkDatabase;
import wds.schemas.SchemaCatalog;
import wds.warehouse.DuckDbLimits;
import wds.warehouse.Plan;
import wds.warehouse.WarehouseBuilder;
import wds.warehouse.feed.PublicFeedWriter;
import wds.warehouse.lake.LakeWriter;
import wds.warehouse.model.ModelTests;
import wds.warehouse.publish.ModelTestGate;
import wds.warehouse.publish.PublishResult;
import wds.warehouse.publish.QualityGate;
import wds.warehouse.publish.QualityGates;
import wds.warehouse.publish.SnapshotPublisher;
import wds.warehouse.publish.Snapshots;
import wds.warehouse.publish.UnpublishedBuilds;

/**
 * Publishing one home's warehouse: builds the star schema and the indicators of the configured plan
 * into a new snapshot beside the published ones, gates it, publishes it whole, then writes the
 * Parquet lake and the public feed from it. Each part is a step of the nightly job.
 */
public final class WarehousePublication {

  private static final Logger LOG = LoggerFactory.getLogger(WarehousePublication.class);

  private final WdsHome home;
  private final PublishSettings settings;
  private final DuckDbLimits limits;
  private final Clock clock;

  public WarehousePublication(WdsHome home, PublishSettings settings, Clock clock) {
    this(home, settings, DuckDbLimits.DEFAULT, clock);
  }

  public WarehousePublication(
      WdsHome home, PublishSettings settings, DuckDbLimits limits, Clock clock) {
    this.home = home;
    this.settings = settings;
    this.limits = limits;
    this.clock = clock;
  }

  /** The configured plan: a file when one exists at that path, else a class-path resource. */
  public Plan plan() {
    return settings.readPlan();
  }

  /**
   * Removes the snapshot builds that a run which is no longer alive left unpublished (killed during
   * the build); never a published, the current or a live run's build.
   */
  public List<Path> clearUnpublishedBuilds() throws IOException {
    return new UnpublishedBuilds(home.snapshots()).clear();
  }

  /**
   * Builds and gates a new snapshot and, when every gate passes, makes it the current one.
   *
   * @throws SnapshotRefusedException a quality gate failed: the previous snapshot stays current
   */
  public PublishResult publishSnapshot() throws SQLException, IOException {
    WarehouseBuilder builder = new WarehouseBuilder(plan());
    LocalDate asOf = LocalDate.now(clock);
    List<QualityGate> gates = new ArrayList<>(QualityGates.standard());
    ModelTests modelTests = new ModelTests();
    gates.add(new ModelTestGate(modelTests::failures));
    SnapshotPublisher publisher =
        new SnapshotPublisher(home.snapshots(), gates, settings.keep(), clock);
    // the work database is opened (and its tables created) as the loader does, so a home that
    // has never loaded still publishes an empty, well-formed warehouse
    try (WorkDatabase work = WorkDatabase.open(home.workDatabase(), SchemaCatalog.load())) {
      Connection connection = work.connection();
      limits.apply(connection);
      PublishResult result =
          publisher.publish(connection, (c, catalog) -> builder.build(c, catalog, asOf));
      if (!result.published()) {
        throw new SnapshotRefusedException(result);
      }
      LOG.info("snapshot published: {}", result.snapshot().getFileName());
      HomeModes.apply(home);
      return result;
    }
  }

  /** Writes the Parquet lake from the current snapshot. */
  public LakeWriter.Result exportLake() throws SQLException, IOException {
    LakeWriter.Result result = new LakeWriter(home.lake(), limits).write(currentSnapshot());
    HomeModes.apply(home);
    return result;
  }

  /** Writes the public feed (small cells suppressed) from the current snapshot. */
  public PublicFeedWriter.Result publishFeed() throws SQLException, IOException {
    PublicFeedWriter.Result result;
    // C1 alone, as for the reports: the feed's code (Parquet's writer, the suppression) runs once
    // per process, where C2's compiles cost more than they save (NIGHTLY-SPEED.md, feed-fast)
    try (QuickCompilation c1 = QuickCompilation.open()) {
      result =
          new PublicFeedWriter(home.publicFeed(), settings.feedAgeBands()).write(currentSnapshot());
    }
    HomeModes.apply(home);
    return result;
  }

  /**
   * The digest of what a publication of this home would be made from now: the work database's
   * operational layer and audit, the plan, the feed's township age bands, the as-of year (the
   * build's only use of the as-of day: it caps the data years) and this build of wds ({@link
   * PublishedInputs}).
   */
  public String inputs() throws SQLException {
    List<String> settingLines = new ArrayList<>();
    Path planFile = Path.of(settings.plan());
    settingLines.add(
        "plan="
            + settings.plan()
            + (Files.isRegularFile(planFile) ? " " + PublishedInputs.digestOf(planFile) : ""));
    settingLines.add("township-age-bands=" + settings.townshipAgeBands());
    settingLines.add("as-of-year=" + LocalDate.now(clock).getYear());
    try (WorkDatabase work = WorkDatabase.open(home.workDatabase(), SchemaCatalog.load())) {
      Connection connection = work.connection();
      limits.apply(connection);
      return PublishedInputs.digest(connection, settingLines);
    }
  }

  /**
   * The current snapshot's file name when the last publication made whole is that snapshot and was
   * made from {@code inputs}: its lake, feed and reports are then what a new publication would make
   * again.
   */
  public Optional<String> publishedFrom(String inputs) {
    return PublishedInputs.publishedFrom(home, inputs);
  }

  /**
   * Records that the current snapshot, its lake, feed and reports were made from {@code inputs}.
   */
  public void recordPublished(String inputs) throws IOException {
    String snapshot = currentSnapshot().getFileName().toString();
    PublishedInputs.write(home, new PublishedInputs.Published(snapshot, inputs));
    LOG.info("publication recorded: {} made from inputs {}", snapshot, inputs);
  }

  private Path currentSnapshot() throws IOException {
    return new Snapshots(home.snapshots()).requireCurrent().toRealPath();
  }
}
