package wds.pipeline.load;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import wds.pipeline.log.LogText;
import wds.pipeline.read.RecordReader;
import wds.pipeline.read.RecordReaders;
import wds.pipeline.validate.MissingColumnsException;
import wds.pipeline.validate.ValidationContext;
import wds.schemas.ExtractSchema;
import wds.schemas.SchemaCatalog;

/**
 * The loader: takes one source's delivery of one night, or one JDBC pull, into the operational
 * layer atomically. A file delivery passes its {@link ManifestCheck}, then every file is read,
 * validated and staged once ({@link ExtractStager}), and only then are all its extracts merged,
 * with their audit rows, in one {@link DeliveryTransaction}. A fault anywhere refuses the whole
 * delivery ({@link DeliveryRefusal}) and leaves the warehouse's data as it was. A pull takes the
 * same stage, merge and audit path, and moves its high-water mark before its commit.
 */
public final class DeliveryLoader implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DeliveryLoader.class);

  private final Connection connection;
  private final SchemaCatalog catalog;
  private final LoadSettings settings;
  private final LoadListener listener;
  private final ManifestCheck manifests;
  private final ExtractStager stager;
  private final OdsMerger merger;
  private final LoadAudit audit;
  private final DeliveryRefusal refusal;
  private boolean unordered;

  /**
   * @param connection the work database ({@link WorkDatabase#connection})
   * @param listener hears progress, merges and outcomes; observes only
   */
  public DeliveryLoader(
      Connection connection, SchemaCatalog catalog, LoadSettings settings, LoadListener listener) {
    this.connection = connection;
    this.catalog = catalog;
    this.settings = settings;
    this.listener = listener;
    this.audit = new LoadAudit(connection);
    this.merger = new OdsMerger(connection);
    this.manifests = new ManifestCheck(catalog, audit);
    this.stager = new ExtractStager(connection, listener, settings.quarantine());
    // a killed load's staging files (raw identity numbers among them) go before anything is read,
    // and DuckDB's own spill of the raw tables goes where they went
    StagingFolder.clearLeftovers(settings.quarantine());
    try {
      StagingFolder.spillInto(connection, settings.quarantine());
    } catch (IOException | SQLException e) {
      throw new IllegalStateException(
          "cannot put the work database's spill folder in the quarantine "
              + settings.quarantine()
              + ": "
              + e.getMessage(),
          e);
    }
    this.refusal = new DeliveryRefusal(connection, merger, audit);
  }

  /** The work database this loader writes. */
  public Connection connection() {
    return connection;
  }

  /** Loads one file delivery, or refuses it, or recognises it as loaded before. */
  public DeliveryResult load(Delivery delivery) throws SQLException, IOException {
    unordered();
    long t0 = System.nanoTime();
    LocalDateTime startedAt = AuditClock.now();
    ManifestCheck.Checked checked = manifests.check(delivery, startedAt);
    if (checked.loadedBefore()) {
      return finished(LoadResults.alreadyLoaded(delivery));
    }
    if (checked.refused()) {
      return finished(refusal.refuse(checked, checked.faults(), startedAt, t0));
    }
    try (DeliveryTransaction tx = new DeliveryTransaction(connection, merger, audit)) {
      List<String> faults = new ArrayList<>();
      List<StagedFile> staged = stageFiles(checked, tx, faults);
      if (!faults.isEmpty()) {
        return finished(refusal.refuse(checked, faults, startedAt, t0));
      }
      tx.begin();
      List<ExtractResult> results = new ArrayList<>();
      for (StagedFile s : staged) {
        long absent = tx.merge(s.extract(), delivery.extractDate());
        ExtractResult r =
            LoadResults.loadedFile(
                delivery,
                s.extract(),
                s.file(),
                absent,
                checked.checksums().get(s.file()),
                checked.manifestSha256());
        tx.audit(r);
        results.add(r);
        listener.extractMerged(r);
      }
      for (ExtractResult r : checked.ignored()) {
        tx.audit(r);
        results.add(r);
      }
      tx.commit();
      return finished(LoadResults.loaded(delivery.source(), delivery.extractDate(), results, t0));
    }
  }

  /**
   * Loads one JDBC pull through the same validate, stage, merge and audit path as a file: a delta,
   * with the pull's day as its delivery date; its high-water mark moves in its transaction.
   */
  public DeliveryResult loadPull(ExtractSchema schema, Pull pull, LocalDate day)
      throws SQLException, IOException {
    unordered();
    long t0 = System.nanoTime();
    LocalDateTime startedAt = AuditClock.now();
    ValidationContext context =
        new ValidationContext(
            day, audit.knownAreas(), settings.indicatorCodes(), settings.pseudonymiser());
    StagedExtract s;
    try {
      s = stager.stage(schema, pull, LoadMode.DELTA, context, quarantines(day, true));
    } catch (MissingColumnsException e) {
      String fault = pull.origin() + ": lacks column(s) " + String.join(", ", e.missing());
      ExtractResult refused = LoadResults.refusedPull(schema, day, pull.origin(), fault, startedAt);
      audit.record(refused);
      return finished(LoadResults.refused(schema.source(), day, fault, List.of(refused), t0));
    }
    try (DeliveryTransaction tx = new DeliveryTransaction(connection, merger, audit)) {
      tx.staged(s);
      tx.begin();
      tx.merge(s, day);
      ExtractResult r = LoadResults.loadedPull(day, s);
      tx.audit(r);
      listener.extractMerged(r);
      // the pull's last step before its commit: its high-water mark moves with its rows, or not
      pull.advanceMark(connection, r);
      tx.commit();
      return finished(LoadResults.loaded(schema.source(), day, List.of(r), t0));
    }
  }

  /** A delivered file staged, with the manifest's line for it. */
  private record StagedFile(ManifestFile file, StagedExtract extract) {}

  /**
   * Reads, validates and stages every listed file in the catalogue's order, each into {@code tx}; a
   * file that cannot be staged, or holds another number of records than its manifest says, adds its
   * fault to {@code faults}.
   */
  private List<StagedFile> stageFiles(
      ManifestCheck.Checked checked, DeliveryTransaction tx, List<String> faults)
      throws SQLException, IOException {
    Delivery delivery = checked.delivery();
    Set<String> areas = new HashSet<>(audit.knownAreas());
    ValidationContext context =
        new ValidationContext(
            delivery.extractDate(), areas, settings.indicatorCodes(), settings.pseudonymiser());
    List<StagedFile> staged = new ArrayList<>();
    for (ManifestFile f : inLoadOrder(delivery.source(), checked.manifest().files())) {
      ExtractSchema schema = catalog.get(delivery.source(), f.extract());
      RecordSource source = fileSource(delivery.folder().resolve(f.name()), f);
      StagedExtract s;
      try {
        s =
            stager.stage(
                schema, source, f.mode(), context, quarantines(delivery.extractDate(), false));
      } catch (MissingColumnsException e) {
        faults.add(
            f.name()
                + (e.missing().isEmpty()
                    ? ": has column(s) " + String.join(", ", e.duplicated()) + " more than once"
                    : ": lacks column(s) " + String.join(", ", e.missing())));
        continue;
      } catch (IOException | RuntimeException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw e; // being stopped is no fault of the file
        }
        // whatever the reader met (POI, a zip, the encoding): the file is not what its manifest
        // says, so its source's delivery is refused and the night goes on
        log.debug("event=unreadable_file file={}", LogText.of(f.name()), e);
        faults.add(
            f.name()
                + ": cannot be read as "
                + FileFaults.declared(f)
                + " ("
                + FileFaults.of(e)
                + ")");
        continue;
      }
      tx.staged(s);
      staged.add(new StagedFile(f, s));
      if (s.rowsRead() != f.rows()) {
        faults.add(
            f.name() + ": holds " + s.rowsRead() + " records, the manifest says " + f.rows());
      }
      if (schema.extract().equals("areas") && schema.source().equals("population")) {
        // tonight's areas count for tonight's other extracts, even before they are merged
        areas.addAll(stagedAreas(s));
      }
    }
    return staged;
  }

  private DeliveryResult finished(DeliveryResult result) {
    listener.deliveryFinished(result);
    return result;
  }

  private List<ManifestFile> inLoadOrder(String source, List<ManifestFile> files) {
    List<String> order = catalog.ofSource(source).stream().map(ExtractSchema::extract).toList();
    return files.stream().sorted(Comparator.comparingInt(f -> order.indexOf(f.extract()))).toList();
  }

  /** A listed file as a record source: the CSV and xlsx readers of the read package. */
  private static RecordSource fileSource(Path path, ManifestFile f) {
    return new RecordSource() {
      @Override
      public String origin() {
        return f.name();
      }

      @Override
      public RecordReader open() throws IOException {
        return RecordReaders.open(path, f.encoding());
      }

      @Override
      public java.util.Optional<Path> utf8Csv() {
        boolean csv =
            path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
        return csv && f.encoding().equals(java.nio.charset.StandardCharsets.UTF_8)
            ? java.util.Optional.of(path)
            : java.util.Optional.empty();
      }
    };
  }

  /**
   * The quarantines of one night's files (each replaces the last), or of a day's pulls (append).
   */
  private ExtractStager.QuarantineFactory quarantines(LocalDate date, boolean append) {
    return (schema, origin, header) ->
        QuarantineFile.of(
            settings.quarantine(), schema.source(), schema.extract(), date, origin, header, append);
  }

  private Set<String> stagedAreas(StagedExtract s) throws SQLException {
    Set<String> areas = new HashSet<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(s.statements().single("staged_areas"))) {
      while (rs.next()) {
        areas.add(rs.getString(1));
      }
    }
    return areas;
  }

  /**
   * Lets DuckDB load and insert without keeping rows in their arrival order while this loader runs:
   * nothing here depends on the order of rows in a table ({@code _line} orders staged rows where it
   * matters), and the loader's DuckDB work costs less CPU (pipeline/INGESTION-LOADING.md). The
   * setting is the database's, so {@link #close} restores it for whoever uses the connection next.
   */
  private void unordered() throws SQLException {
    if (!unordered) {
      try (Statement st = connection.createStatement()) {
        st.execute("SET preserve_insertion_order = false");
      }
      unordered = true;
    }
  }

  @Override
  public void close() {
    if (unordered) {
      try (Statement st = connection.createStatement()) {
        st.execute("RESET preserve_insertion_order");
      } catch (SQLException e) {
        log.warn("event=reset_failed setting=preserve_insertion_order fault={}", e.getMessage());
      }
    }
  }
}
