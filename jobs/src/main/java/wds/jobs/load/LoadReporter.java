package wds.jobs.load;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import wds.jobs.ConsoleProgress;
import wds.pipeline.load.DeliveryResult;
import wds.pipeline.load.ExtractProgress;
import wds.pipeline.load.ExtractResult;
import wds.pipeline.load.LoadListener;
import wds.pipeline.log.LogText;
import wds.pipeline.validate.RejectReason;

/**
 * Tells the operator what the load does: one progress line per delivery (live on a terminal, with
 * the extract being read, its rows, rate and rejects; the delivery's totals when it ends), and one
 * greppable {@code key=value} log line per extract and delivery. Counts and file names only: no row
 * values, so no identity number can reach the terminal or the log. Heard from every lane at once:
 * each call is whole, so no two lanes' lines are ever mixed.
 */
public final class LoadReporter implements LoadListener {

  private static final Logger log = LoggerFactory.getLogger("wds.load");

  private final ConsoleProgress progress;

  /**
   * The source whose progress is live on a terminal. With two lanes both sources report at once;
   * one line rewritten by turns would leave a broken line at every turn, so the other lane's
   * progress is not shown until this source's delivery ends (its end line always is).
   */
  private String live;

  public LoadReporter(PrintStream out) {
    this.progress = ConsoleProgress.on(out);
  }

  @Override
  public synchronized void progress(ExtractProgress p) {
    if (live != null && !live.equals(p.source())) {
      return; // another lane's source holds the live line until its delivery ends
    }
    live = p.source();
    progress.update(
        p.source(),
        String.format(
            Locale.ROOT,
            "%s: %s %,d rows, %,.0f rows/s, %,d rejected",
            p.source(),
            p.extract(),
            p.rowsRead(),
            p.seconds() > 0 ? p.rowsRead() / p.seconds() : 0.0,
            p.rowsRejected()));
  }

  @Override
  public synchronized void deliveryFinished(DeliveryResult r) {
    if (r.source().equals(live)) {
      live = null;
    }
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
        progress.done(
            r.source(),
            String.format(
                Locale.ROOT,
                "%s %s: loaded %,d rows of %,d read, %,d rejected (%d extracts, %.1f s, %,.0f"
                    + " rows/s)",
                r.source(),
                r.deliveryDate(),
                r.rowsLoaded(),
                r.rowsRead(),
                r.rowsRejected(),
                r.extracts().size(),
                r.seconds(),
                r.seconds() > 0 ? r.rowsRead() / r.seconds() : 0.0));
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
        progress.done(
            r.source(),
            String.format(
                "%s %s: REFUSED, %s", r.source(), r.deliveryDate(), LogText.message(r.message())));
        r.extracts().stream()
            .filter(e -> e.status() == ExtractResult.Status.IGNORED)
            .forEach(this::ignored);
      }
      case ALREADY_LOADED -> {
        log.info(
            "event=delivery_already_loaded source={} delivery_date={}",
            r.source(),
            r.deliveryDate());
        progress.done(
            r.source(),
            String.format("%s %s: loaded before, nothing to do", r.source(), r.deliveryDate()));
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
    progress.done(
        e.source() + "/" + e.file(),
        String.format(
            "%s %s: ignored %s (not listed in the manifest)",
            e.source(), e.deliveryDate(), LogText.of(e.file())));
  }

  private static String reasons(Map<RejectReason, Long> rejects) {
    StringBuilder s = new StringBuilder();
    rejects.forEach(
        (reason, n) -> s.append(s.isEmpty() ? "" : ",").append(reason).append(':').append(n));
    return s.isEmpty() ? "none" : s.toString();
  }
}
