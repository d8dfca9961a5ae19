package wds.pipeline.load;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import wds.schemas.ExtractSchema;

/**
 * The results the loader audits and hands back, made in one place: an {@link ExtractResult} per
 * file or pull (loaded, refused or ignored) and a {@link DeliveryResult} per delivery or pull.
 */
final class LoadResults {

  private static final String FILE = "file";
  private static final String JDBC = "jdbc";

  private LoadResults() {}

  /** A delivered file merged into the operational layer. */
  static ExtractResult loadedFile(
      Delivery delivery,
      StagedExtract staged,
      ManifestFile file,
      long absentDeleted,
      String sha256,
      String manifestSha256) {
    return new ExtractResult(
        delivery.source(),
        staged.extract(),
        delivery.extractDate(),
        file.name(),
        FILE,
        file.mode(),
        staged.rowsRead(),
        staged.rowsLoaded(),
        staged.rejects(),
        absentDeleted,
        sha256,
        ExtractResult.Status.LOADED,
        null,
        manifestSha256,
        staged.startedAt(),
        AuditClock.now());
  }

  /** A file of a refused delivery: nothing of it loaded. */
  static ExtractResult refusedFile(
      Delivery delivery,
      String extract,
      String file,
      LoadMode mode,
      String manifestSha256,
      String message,
      LocalDateTime startedAt,
      LocalDateTime finishedAt) {
    return new ExtractResult(
        delivery.source(),
        extract,
        delivery.extractDate(),
        file,
        FILE,
        mode,
        0,
        0,
        Map.of(),
        0,
        null,
        ExtractResult.Status.REFUSED,
        message,
        manifestSha256,
        startedAt,
        finishedAt);
  }

  /** A data file of the night that its manifest does not list: never read. */
  static ExtractResult ignoredFile(
      Delivery delivery,
      String shownName,
      String manifestName,
      LocalDateTime startedAt,
      LocalDateTime finishedAt) {
    return new ExtractResult(
        delivery.source(),
        null,
        delivery.extractDate(),
        shownName,
        FILE,
        null,
        0,
        0,
        Map.of(),
        0,
        null,
        ExtractResult.Status.IGNORED,
        "not listed in " + manifestName + ": ignored, never read",
        null,
        startedAt,
        finishedAt);
  }

  /** A pull merged into the operational layer, as a delta. */
  static ExtractResult loadedPull(LocalDate day, StagedExtract staged) {
    return new ExtractResult(
        staged.source(),
        staged.extract(),
        day,
        staged.origin(),
        JDBC,
        LoadMode.DELTA,
        staged.rowsRead(),
        staged.rowsLoaded(),
        staged.rejects(),
        0,
        null,
        ExtractResult.Status.LOADED,
        null,
        null,
        staged.startedAt(),
        AuditClock.now());
  }

  /** A pull refused before it was staged. */
  static ExtractResult refusedPull(
      ExtractSchema schema, LocalDate day, String origin, String fault, LocalDateTime startedAt) {
    return new ExtractResult(
        schema.source(),
        schema.extract(),
        day,
        origin,
        JDBC,
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
  }

  /** A delivery or pull committed. */
  static DeliveryResult loaded(
      String source, LocalDate date, List<ExtractResult> extracts, long startedNanos) {
    return new DeliveryResult(
        source, date, DeliveryResult.Outcome.LOADED, null, extracts, seconds(startedNanos));
  }

  /** A delivery or pull refused: the faults in {@code message}, nothing of it loaded. */
  static DeliveryResult refused(
      String source,
      LocalDate date,
      String message,
      List<ExtractResult> extracts,
      long startedNanos) {
    return new DeliveryResult(
        source, date, DeliveryResult.Outcome.REFUSED, message, extracts, seconds(startedNanos));
  }

  /** A delivery whose manifest was loaded before: nothing to do. */
  static DeliveryResult alreadyLoaded(Delivery delivery) {
    return new DeliveryResult(
        delivery.source(),
        delivery.extractDate(),
        DeliveryResult.Outcome.ALREADY_LOADED,
        null,
        List.of(),
        0);
  }

  static List<ExtractResult> concat(List<ExtractResult> a, List<ExtractResult> b) {
    List<ExtractResult> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
