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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import wds.pipeline.log.LogText;
import wds.pipeline.validate.MissingColumnsException;
import wds.pipeline.validate.ValidationContext;
import wds.schemas.ExtractSchema;
import wds.schemas.SchemaCatalog;

/**
 * Loads deliveries into the operational layer, one source's delivery of one night at a time and
 * atomically: every file is read, validated and staged once (its checksum computed alongside), the
 * whole delivery is checked against its manifest, and only then are all its extracts merged, with
 * their audit rows, in one transaction. A fault anywhere refuses the whole delivery and leaves the
 * warehouse's data as it was. JDBC pulls take the same path through {@link #loadPull}.
 */
public final class DeliveryLoader implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DeliveryLoader.class);

  private final Connection connection;
  private final SchemaCatalog catalog;
  private final ReaderFactory readers;
  private final LoadSettings settings;
  private final LoadListener listener;
  private final ExtractStager stager;
  private final OdsMerger merger;
  private final LoadAudit audit;
  private boolean unordered;

  public DeliveryLoader(
      Connection connection,
      SchemaCatalog catalog,
      RowValidatorFactory validators,
      ReaderFactory readers,
      LoadSettings settings,
      LoadListener listener) {
    this.connection = connection;
    this.catalog = catalog;
    this.readers = readers;
    this.settings = settings;
    this.listener = listener;
    this.stager = new ExtractStager(connection, validators, listener);
    this.merger = new OdsMerger(connection);
    this.audit = new LoadAudit(connection);
  }

  /** Loads one file delivery, or refuses it, or recognises it as loaded before. */
  public DeliveryResult load(Delivery delivery) throws SQLException, IOException {
    unordered();
    long t0 = System.nanoTime();
    LocalDateTime startedAt = AuditClock.now();
    Path drop = delivery.folder().getParent();
    Optional<String> folderFault = new DropPath(drop, delivery.folder()).folderFault();
    if (folderFault.isPresent()) {
      return refuse(delivery, null, null, List.of(folderFault.get()), List.of(), startedAt, t0);
    }
    DropPath manifestPath = new DropPath(drop, delivery.manifest());
    if (!manifestPath.exists()) {
      List<String> names = delivery.dataFiles().stream().map(p -> LogText.escape(name(p))).toList();
      return refuse(
          delivery,
          null,
          null,
          List.of("no manifest " + name(delivery.manifest()) + " for " + String.join(", ", names)),
          List.of(),
          startedAt,
          t0);
    }
    Optional<String> manifestFault = manifestPath.fileFault();
    if (manifestFault.isPresent()) {
      return refuse(delivery, null, null, List.of(manifestFault.get()), List.of(), startedAt, t0);
    }
    String manifestSha = FileChecksum.sha256(delivery.manifest());
    if (audit.loaded(delivery.source(), delivery.extractDate(), manifestSha)) {
      DeliveryResult done =
          new DeliveryResult(
              delivery.source(),
              delivery.extractDate(),
              DeliveryResult.Outcome.ALREADY_LOADED,
              null,
              List.of(),
              0);
      listener.deliveryFinished(done);
      return done;
    }
    Manifest manifest;
    try {
      manifest = Manifest.read(delivery.manifest());
    } catch (InvalidManifestException e) {
      return refuse(
          delivery,
          null,
          manifestSha,
          List.of(e.getMessage()),
          List.of(), // every data file of the night gets a refused row of its own
          startedAt,
          t0);
    }
    List<ExtractResult> ignored = unlisted(delivery, listed(manifest), startedAt);
    List<String> faults = checkManifest(delivery, manifest);
    if (!faults.isEmpty()) {
      return refuse(delivery, manifest, manifestSha, faults, ignored, startedAt, t0);
    }
    // checksums before any parsing: a file that is not what the manifest describes is never read
    Map<ManifestFile, String> found = new LinkedHashMap<>();
    for (ManifestFile f : manifest.files()) {
      try {
        String sha = FileChecksum.sha256(delivery.folder().resolve(f.name()));
        found.put(f, sha);
        if (!sha.equals(f.sha256())) {
          faults.add(
              f.name()
                  + ": checksum mismatch (manifest sha256 "
                  + f.sha256()
                  + ", file "
                  + sha
                  + ")");
        }
      } catch (IOException e) {
        faults.add(f.name() + ": cannot be read (" + fault(e) + ")");
      }
    }
    if (!faults.isEmpty()) {
      return refuse(delivery, manifest, manifestSha, faults, ignored, startedAt, t0);
    }
    Set<String> areas = new HashSet<>(audit.knownAreas());
    ValidationContext context =
        new ValidationContext(
            delivery.extractDate(), areas, settings.indicatorCodes(), settings.pseudonymiser());
    List<StagedExtract> staged = new ArrayList<>();
    Map<StagedExtract, ManifestFile> fileOf = new LinkedHashMap<>();
    boolean committed = false;
    try {
      for (ManifestFile f : inLoadOrder(delivery.source(), manifest.files())) {
        ExtractSchema schema = catalog.get(delivery.source(), f.extract());
        Path path = delivery.folder().resolve(f.name());
        RecordSource source = fileSource(path, f);
        StagedExtract s;
        try {
          s = stager.stage(schema, source, f.mode(), context, quarantines(delivery.extractDate()));
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
          faults.add(f.name() + ": cannot be read as " + declared(f) + " (" + fault(e) + ")");
          continue;
        }
        staged.add(s);
        fileOf.put(s, f);
        if (s.rowsRead() != f.rows()) {
          faults.add(
              f.name() + ": holds " + s.rowsRead() + " records, the manifest says " + f.rows());
        }
        if (schema.extract().equals("areas") && schema.source().equals("population")) {
          // tonight's areas count for tonight's other extracts, even before they are merged
          areas.addAll(stagedAreas(s));
        }
      }
      if (!faults.isEmpty()) {
        return refuse(delivery, manifest, manifestSha, faults, ignored, startedAt, t0);
      }
      List<ExtractResult> results = new ArrayList<>();
      connection.setAutoCommit(false);
      for (StagedExtract s : staged) {
        ManifestFile f = fileOf.get(s);
        long absent = merger.merge(s, delivery.extractDate());
        ExtractResult r =
            new ExtractResult(
                delivery.source(),
                s.extract(),
                delivery.extractDate(),
                f.name(),
                "file",
                f.mode(),
                s.rowsRead(),
                s.rowsLoaded(),
                s.rejects(),
                absent,
                found.get(f),
                ExtractResult.Status.LOADED,
                null,
                manifestSha,
                s.startedAt(),
                AuditClock.now());
        audit.record(r);
        results.add(r);
        listener.extractMerged(r);
      }
      for (ExtractResult r : ignored) {
        audit.record(r);
        results.add(r);
      }
      // the quarantine goes in place before the commit: if the process dies in between, the
      // delivery is loaded again and its quarantine rewritten
      staged.forEach(s -> s.quarantine().commit());
      connection.commit();
      committed = true;
      DeliveryResult result =
          new DeliveryResult(
              delivery.source(),
              delivery.extractDate(),
              DeliveryResult.Outcome.LOADED,
              null,
              results,
              (System.nanoTime() - t0) / 1e9);
      listener.deliveryFinished(result);
      return result;
    } finally {
      if (!connection.getAutoCommit()) {
        if (!committed) {
          connection.rollback();
        }
        connection.setAutoCommit(true);
      }
      for (StagedExtract s : staged) {
        if (!committed) {
          s.quarantine().discard();
        }
        merger.dropStaging(s.statements());
      }
    }
  }

  /**
   * Loads one JDBC pull (or any other origin without a manifest) through the same validate, stage,
   * merge and audit path as a file: a delta, with the pull's day as its delivery date.
   */
  public DeliveryResult loadPull(ExtractSchema schema, RecordSource source, LocalDate day)
      throws SQLException, IOException {
    unordered();
    long t0 = System.nanoTime();
    LocalDateTime startedAt = AuditClock.now();
    ValidationContext context =
        new ValidationContext(
            day, audit.knownAreas(), settings.indicatorCodes(), settings.pseudonymiser());
    StagedExtract s;
    try {
      s =
          stager.stage(
              schema,
              source,
              LoadMode.DELTA,
              context,
              (sch, origin, header) ->
                  QuarantineFile.of(
                      settings.quarantine(),
                      sch.source(),
                      sch.extract(),
                      day,
                      origin,
                      header,
                      true));
    } catch (MissingColumnsException e) {
      String fault = source.origin() + ": lacks column(s) " + String.join(", ", e.missing());
      ExtractResult refused =
          new ExtractResult(
              schema.source(),
              schema.extract(),
              day,
              source.origin(),
              "jdbc",
              LoadMode.DELTA,
              0,
              0,
              Map.of(),
              0,
              null,
              ExtractResult.Status.REFUSED,
              fault,
              null,
              startedAt,
              AuditClock.now());
      audit.record(refused);
      DeliveryResult result =
          new DeliveryResult(
              schema.source(),
              day,
              DeliveryResult.Outcome.REFUSED,
              fault,
              List.of(refused),
              (System.nanoTime() - t0) / 1e9);
      listener.deliveryFinished(result);
      return result;
    }
    boolean committed = false;
    try {
      connection.setAutoCommit(false);
      merger.merge(s, day);
      ExtractResult r =
          new ExtractResult(
              schema.source(),
              schema.extract(),
              day,
              source.origin(),
              "jdbc",
              LoadMode.DELTA,
              s.rowsRead(),
              s.rowsLoaded(),
              s.rejects(),
              0,
              null,
              ExtractResult.Status.LOADED,
              null,
              null,
              s.startedAt(),
              AuditClock.now());
      audit.record(r);
      listener.extractMerged(r);
      connection.commit();
      committed = true;
      s.quarantine().commit();
      DeliveryResult result =
          new DeliveryResult(
              schema.source(),
              day,
              DeliveryResult.Outcome.LOADED,
              null,
              List.of(r),
              (System.nanoTime() - t0) / 1e9);
      listener.deliveryFinished(result);
      return result;
    } finally {
      if (!committed) {
        connection.rollback();
        s.quarantine().discard();
      }
      connection.setAutoCommit(true);
      merger.dropStaging(s.statements());
    }
  }

  private List<String> checkManifest(Delivery delivery, Manifest manifest) {
    List<String> faults = new ArrayList<>();
    String name = name(delivery.manifest());
    if (!manifest.source().equals(delivery.source())) {
      faults.add(
          name
              + ": source is "
              + manifest.source()
              + ", but it lies in "
              + delivery.source()
              + "/");
    }
    if (!manifest.extractDate().equals(delivery.extractDate())) {
      faults.add(name + ": extract_date " + manifest.extractDate() + " does not match its name");
    }
    if (manifest.files().isEmpty()) {
      faults.add(name + ": lists no files");
    }
    String day = delivery.extractDate().format(Delivery.BASIC_DATE);
    for (ManifestFile f : manifest.files()) {
      if (catalog.ofSource(delivery.source()).stream()
          .noneMatch(s -> s.extract().equals(f.extract()))) {
        faults.add(f.name() + ": " + f.extract() + " is no extract of " + delivery.source());
        continue;
      }
      if (!f.name().equals(f.extract() + "_" + day + ".csv")
          && !f.name().equals(f.extract() + "_" + day + ".xlsx")) {
        faults.add(f.name() + ": not named " + f.extract() + "_" + day + ".csv or .xlsx");
        continue;
      }
      new DropPath(delivery.folder().getParent(), delivery.folder().resolve(f.name()))
          .fileFault()
          .ifPresent(faults::add);
    }
    return faults;
  }

  private static Set<String> listed(Manifest manifest) {
    Set<String> listed = new HashSet<>();
    manifest.files().forEach(f -> listed.add(f.name()));
    return listed;
  }

  /**
   * The data files of the night that the manifest does not list: never read, each recorded in the
   * audit as {@code ignored} with 0 rows, so that what lay in the drop and was not loaded is known.
   */
  private List<ExtractResult> unlisted(
      Delivery delivery, Set<String> listed, LocalDateTime startedAt) {
    List<ExtractResult> ignored = new ArrayList<>();
    LocalDateTime now = AuditClock.now();
    for (Path file : delivery.dataFiles()) {
      if (listed.contains(name(file))) {
        continue;
      }
      String shown = LogText.escape(name(file)); // the listener logs it, with its delivery
      ignored.add(
          new ExtractResult(
              delivery.source(),
              null,
              delivery.extractDate(),
              shown,
              "file",
              null,
              0,
              0,
              Map.of(),
              0,
              null,
              ExtractResult.Status.IGNORED,
              "not listed in " + name(delivery.manifest()) + ": ignored, never read",
              null,
              startedAt,
              now));
    }
    return ignored;
  }

  private List<ManifestFile> inLoadOrder(String source, List<ManifestFile> files) {
    List<String> order = catalog.ofSource(source).stream().map(ExtractSchema::extract).toList();
    return files.stream().sorted(Comparator.comparingInt(f -> order.indexOf(f.extract()))).toList();
  }

  private RecordSource fileSource(Path path, ManifestFile f) {
    return new RecordSource() {
      @Override
      public String origin() {
        return f.name();
      }

      @Override
      public wds.pipeline.read.RecordReader open() throws IOException {
        return readers.open(path, f.encoding());
      }
    };
  }

  private ExtractStager.QuarantineFactory quarantines(LocalDate date) {
    return (schema, origin, header) ->
        QuarantineFile.of(
            settings.quarantine(), schema.source(), schema.extract(), date, origin, header, false);
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

  /** Records a refused delivery: one audit row per file (or per file found, without a manifest). */
  private DeliveryResult refuse(
      Delivery delivery,
      Manifest manifest,
      String manifestSha,
      List<String> faults,
      List<ExtractResult> ignored,
      LocalDateTime startedAt,
      long t0)
      throws SQLException {
    // names from the manifest and the drop are escaped where the faults are made; this is the
    // safety net for the rest, so that no audit row, log line or console line holds a control
    String message = LogText.escapeMessage("delivery refused: " + String.join("; ", faults));
    List<ExtractResult> rows = new ArrayList<>();
    LocalDateTime now = AuditClock.now();
    if (manifest != null && !manifest.files().isEmpty()) {
      for (ManifestFile f : manifest.files()) {
        rows.add(
            refusedRow(
                delivery,
                LogText.escape(f.extract()),
                LogText.escape(f.name()),
                f.mode(),
                manifestSha,
                message,
                startedAt,
                now));
      }
    } else if (!delivery.dataFiles().isEmpty()) {
      for (Path file : delivery.dataFiles()) {
        String fileName = name(file);
        rows.add(
            refusedRow(
                delivery,
                DropFolder.extractOf(fileName).map(LogText::escape).orElse(null),
                LogText.escape(fileName),
                null,
                manifestSha,
                message,
                startedAt,
                now));
      }
    } else {
      rows.add(
          refusedRow(
              delivery,
              null,
              name(delivery.manifest()),
              null,
              manifestSha,
              message,
              startedAt,
              now));
    }
    Optional<String> before =
        audit.lastRefusal(delivery.source(), delivery.extractDate(), manifestSha);
    if (before.isPresent() && before.get().equals(message)) {
      log.info(
          "event=still_refused source={} delivery_date={} (audited before)",
          delivery.source(),
          delivery.extractDate());
    } else {
      connection.setAutoCommit(false);
      try {
        for (ExtractResult r : rows) {
          audit.record(r);
        }
        for (ExtractResult r : ignored) {
          audit.record(r);
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
    DeliveryResult result =
        new DeliveryResult(
            delivery.source(),
            delivery.extractDate(),
            DeliveryResult.Outcome.REFUSED,
            message,
            concat(rows, ignored),
            (System.nanoTime() - t0) / 1e9);
    listener.deliveryFinished(result);
    return result;
  }

  private static List<ExtractResult> concat(List<ExtractResult> a, List<ExtractResult> b) {
    List<ExtractResult> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** What the manifest declares a file to be, for the fault of a file that is not that. */
  private static String declared(ManifestFile f) {
    return f.name().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")
        ? "an xlsx workbook"
        : "CSV in " + f.encoding().name();
  }

  /**
   * What an exception says, in one line (escaped): its message's first line, and its root cause's
   * when that adds something (POI and the XML parser wrap the fault that matters).
   */
  static String fault(Throwable e) {
    Throwable t = e;
    if (t instanceof java.io.UncheckedIOException && t.getCause() != null) {
      t = t.getCause();
    }
    String text = firstLine(t);
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String rootText = firstLine(root);
    if (root != t && !text.contains(rootText)) {
      text = text + ": " + rootText;
    }
    return new LogText(text, 400).toString();
  }

  private static String firstLine(Throwable t) {
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      return t.getClass().getSimpleName();
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private static ExtractResult refusedRow(
      Delivery delivery,
      String extract,
      String file,
      LoadMode mode,
      String manifestSha,
      String message,
      LocalDateTime startedAt,
      LocalDateTime finishedAt) {
    return new ExtractResult(
        delivery.source(),
        extract,
        delivery.extractDate(),
        file,
        "file",
        mode,
        0,
        0,
        Map.of(),
        0,
        null,
        ExtractResult.Status.REFUSED,
        message,
        manifestSha,
        startedAt,
        finishedAt);
  }

  private static String name(Path path) {
    return path.getFileName().toString();
  }

  /**
   * Lets DuckDB load and insert without keeping rows in their arrival order while this loader runs:
   * nothing here depends on the order of rows in a table ({@code _line} orders staged rows where it
   * matters), and the loader's DuckDB work takes ~30% less CPU. The setting is the database's, so
   * {@link #close} restores it for whoever uses the connection next.
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
