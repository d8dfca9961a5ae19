package wds.pipeline.load;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import wds.pipeline.log.LogText;

/**
 * The refusal of a file delivery: one audit row per file its manifest lists (or per data file
 * found, without a readable manifest), plus the files it ignored, committed in a transaction of
 * their own; a delivery refused again for the same faults is audited once.
 */
final class DeliveryRefusal {

  private static final Logger log = LoggerFactory.getLogger(DeliveryRefusal.class);

  private final Connection connection;
  private final OdsMerger merger;
  private final LoadAudit audit;

  DeliveryRefusal(Connection connection, OdsMerger merger, LoadAudit audit) {
    this.connection = connection;
    this.merger = merger;
    this.audit = audit;
  }

  /** Audits the refusal of a checked delivery for {@code faults}; returns what became of it. */
  DeliveryResult refuse(
      ManifestCheck.Checked checked, List<String> faults, LocalDateTime startedAt, long t0)
      throws SQLException {
    Delivery delivery = checked.delivery();
    // names from the manifest and the drop are escaped where the faults are made; this is the
    // safety net for the rest, so that no audit row, log line or console line holds a control
    String message = LogText.escapeMessage("delivery refused: " + String.join("; ", faults));
    List<ExtractResult> rows = rows(checked, message, startedAt);
    Optional<String> before =
        audit.lastRefusal(delivery.source(), delivery.extractDate(), checked.manifestSha256());
    if (before.isPresent() && before.get().equals(message)) {
      log.info(
          "event=still_refused source={} delivery_date={} (audited before)",
          delivery.source(),
          delivery.extractDate());
    } else {
      try (DeliveryTransaction tx = new DeliveryTransaction(connection, merger, audit)) {
        tx.begin();
        for (ExtractResult r : rows) {
          tx.audit(r);
        }
        for (ExtractResult r : checked.ignored()) {
          tx.audit(r);
        }
        tx.commit();
      }
    }
    return LoadResults.refused(
        delivery.source(),
        delivery.extractDate(),
        message,
        LoadResults.concat(rows, checked.ignored()),
        t0);
  }

  /** One refused row per listed file, else per data file found, else one for the manifest. */
  private static List<ExtractResult> rows(
      ManifestCheck.Checked checked, String message, LocalDateTime startedAt) {
    Delivery delivery = checked.delivery();
    Manifest manifest = checked.manifest();
    String manifestSha = checked.manifestSha256();
    List<ExtractResult> rows = new ArrayList<>();
    LocalDateTime now = AuditClock.now();
    if (manifest != null && !manifest.files().isEmpty()) {
      for (ManifestFile f : manifest.files()) {
        rows.add(
            LoadResults.refusedFile(
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
        String fileName = ManifestCheck.name(file);
        rows.add(
            LoadResults.refusedFile(
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
          LoadResults.refusedFile(
              delivery,
              null,
              ManifestCheck.name(delivery.manifest()),
              null,
              manifestSha,
              message,
              startedAt,
              now));
    }
    return rows;
  }
}
