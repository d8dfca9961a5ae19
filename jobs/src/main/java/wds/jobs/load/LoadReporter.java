package wds.jobs.load;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import wds.pipeline.load.DeliveryResult;
import wds.pipeline.load.ExtractProgress;
import wds.pipeline.load.ExtractResult;
import wds.pipeline.load.LoadListener;
import wds.pipeline.log.LogText;
import wds.pipeline.validate.RejectReason;

/**
 * Tells the operator what the load does: a progress line per extract on the terminal, and one
 * greppable {@code key=value} log line per extract and delivery. Counts and file names only: no row
 * values, so no identity number can reach the terminal or the log.
 */
public final class LoadReporter implements LoadListener {

  private static final Logger log = LoggerFactory.getLogger("wds.load");

  private final PrintStream out;

  public LoadReporter(PrintStream out) {
    this.out = out;
  }

  @Override
  public void progress(ExtractProgress p) {
    out.printf(
        Locale.ROOT,
        "  %-30s %-36s %,12d rows %,11.0f rows/s %,9d rejected%n",
        p.source() + "/" + p.extract(),
        LogText.of(p.origin()),
        p.rowsRead(),
        p.seconds() > 0 ? p.rowsRead() / p.seconds() : 0.0,
        p.rowsRejected());
  }

  @Override
  public void deliveryFinished(DeliveryResult r) {
    switch (r.outcome()) {
      case LOADED -> {
        for (ExtractResult e : r.extracts()) {
          if (e.status() == ExtractResult.Status.IGNORED) {
            ignored(e);
            continue;
          }
          log.info(
              "event=extract_loaded source={} extract={} delivery_date={} file={} mode={}"
                  + " rows_read={} rows_loaded={} rows_rejected={} rows_absent_deleted={} rejects={}",
              e.source(),
              e.extract(),
              e.deliveryDate(),
              e.file(),
              e.mode() == null ? "" : e.mode().label(),
              e.rowsRead(),
              e.rowsLoaded(),
              e.rowsRejected(),
              e.absentDeleted(),
              reasons(e.rejects()));
        }
        out.printf(
            Locale.ROOT,
            "%s %s: loaded %,d rows of %,d read, %,d rejected (%.1f s)%n",
            r.source(),
            r.deliveryDate(),
            r.rowsLoaded(),
            r.rowsRead(),
            r.rowsRejected(),
            r.seconds());
      }
      case REFUSED -> {
        long files =
            r.extracts().stream().filter(e -> e.status() != ExtractResult.Status.IGNORED).count();
        log.warn(
            "event=delivery_refused source={} delivery_date={} files={} fault=\"{}\"",
            r.source(),
            r.deliveryDate(),
            files,
            LogText.message(r.message()));
        // one line per refusal, whatever the fault holds
        out.printf(
            "%s %s: REFUSED, %s%n", r.source(), r.deliveryDate(), LogText.message(r.message()));
        r.extracts().stream()
            .filter(e -> e.status() == ExtractResult.Status.IGNORED)
            .forEach(this::ignored);
      }
      case ALREADY_LOADED -> {
        log.info(
            "event=delivery_already_loaded source={} delivery_date={}",
            r.source(),
            r.deliveryDate());
        out.printf("%s %s: loaded before, nothing to do%n", r.source(), r.deliveryDate());
      }
    }
  }

  /** A data file its manifest does not list: audited as ignored, said once on the terminal. */
  private void ignored(ExtractResult e) {
    log.warn(
        "event=file_ignored source={} delivery_date={} file={} reason=\"not in the manifest\"",
        e.source(),
        e.deliveryDate(),
        LogText.of(e.file()));
    out.printf(
        "%s %s: ignored %s (not listed in the manifest)%n",
        e.source(), e.deliveryDate(), LogText.of(e.file()));
  }

  private static String reasons(Map<RejectReason, Long> rejects) {
    StringBuilder s = new StringBuilder();
    rejects.forEach(
        (reason, n) -> s.append(s.isEmpty() ? "" : ",").append(reason).append(':').append(n));
    return s.isEmpty() ? "none" : s.toString();
  }
}
