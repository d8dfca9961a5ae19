package wds.pipeline.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
  private final ExecutorService hashing =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "wds-sha256");
            t.setDaemon(true);
            return t;
          });

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
    if (!delivery.hasManifest()) {
      List<String> names = delivery.dataFiles().stream().map(DeliveryLoader::name).toList();
      return refuse(
          delivery,
          null,
          null,
          List.of("no manifest " + name(delivery.manifest()) + " for " + String.join(", ", names)),
          startedAt,
          t0);
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
      return refuse(delivery, null, manifestSha, List.of(e.getMessage()), startedAt, t0);
    }
    List<String> faults = checkManifest(delivery, manifest);
    if (!faults.isEmpty()) {
      return refuse(delivery, manifest, manifestSha, faults, startedAt, t0);
    }
    warnUnlisted(delivery, manifest);

    Map<ManifestFile, CompletableFuture<String>> checksums = new LinkedHashMap<>();
    for (ManifestFile f : manifest.files()) {
      Path path = delivery.folder().resolve(f.name());
      checksums.put(f, CompletableFuture.supplyAsync(() -> sha256(path), hashing));
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
          faults.add(f.name() + ": lacks column(s) " + String.join(", ", e.missing()));
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
      Map<ManifestFile, String> found = new LinkedHashMap<>();
      for (Map.Entry<ManifestFile, CompletableFuture<String>> e : checksums.entrySet()) {
        String sha = join(e.getValue());
        found.put(e.getKey(), sha);
        if (!sha.equals(e.getKey().sha256())) {
          faults.add(
              e.getKey().name()
                  + ": checksum mismatch (manifest sha256 "
                  + e.getKey().sha256()
                  + ", file "
                  + sha
                  + ")");
        }
      }
      if (!faults.isEmpty()) {
        return refuse(delivery, manifest, manifestSha, faults, startedAt, t0);
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
      if (!Files.isRegularFile(delivery.folder().resolve(f.name()))) {
        faults.add(f.name() + ": file missing");
      }
    }
    return faults;
  }

  private void warnUnlisted(Delivery delivery, Manifest manifest) {
    Set<String> listed = new HashSet<>();
    manifest.files().forEach(f -> listed.add(f.name()));
    for (Path file : delivery.dataFiles()) {
      if (!listed.contains(name(file))) {
        log.warn(
            "event=unlisted_file source={} delivery_date={} file={} action=ignored",
            delivery.source(),
            delivery.extractDate(),
            name(file));
      }
    }
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
      LocalDateTime startedAt,
      long t0)
      throws SQLException {
    String message = "delivery refused: " + String.join("; ", faults);
    List<ExtractResult> rows = new ArrayList<>();
    LocalDateTime now = AuditClock.now();
    if (manifest != null) {
      for (ManifestFile f : manifest.files()) {
        rows.add(
            refusedRow(
                delivery, f.extract(), f.name(), f.mode(), manifestSha, message, startedAt, now));
      }
    } else if (!delivery.dataFiles().isEmpty()) {
      for (Path file : delivery.dataFiles()) {
        String fileName = name(file);
        rows.add(
            refusedRow(
                delivery,
                DropFolder.extractOf(fileName).orElse(null),
                fileName,
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
            rows,
            (System.nanoTime() - t0) / 1e9);
    listener.deliveryFinished(result);
    return result;
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

  private static String sha256(Path path) {
    try {
      return FileChecksum.sha256(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String join(CompletableFuture<String> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while computing a checksum", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw new IllegalStateException(e.getCause());
    }
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
    hashing.shutdownNow();
    if (unordered) {
      try (Statement st = connection.createStatement()) {
        st.execute("RESET preserve_insertion_order");
      } catch (SQLException e) {
        log.warn("event=reset_failed setting=preserve_insertion_order fault={}", e.getMessage());
      }
    }
  }
}
