package wds.jobs.load;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import wds.pipeline.load.DeliveryResult;
import wds.pipeline.load.ExtractResult;
import wds.pipeline.load.LoadListener;
import wds.pipeline.validate.RejectReason;

/**
 * Counts the rows of committed deliveries in Micrometer: {@code wds.rows.read}, {@code
 * wds.rows.loaded} (tags source, extract) and {@code wds.rows.rejected} (tags source, extract,
 * reason), so the counters agree with the load audit.
 */
public final class LoadMetrics implements LoadListener {

  private final MeterRegistry registry;

  public LoadMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void deliveryFinished(DeliveryResult result) {
    if (result.outcome() != DeliveryResult.Outcome.LOADED) {
      return;
    }
    for (ExtractResult e : result.extracts()) {
      if (e.status() != ExtractResult.Status.LOADED) {
        continue; // an unlisted file, ignored: nothing of it was read
      }
      counter("wds.rows.read", "rows read from files and pulls", e).increment(e.rowsRead());
      counter("wds.rows.loaded", "rows loaded into the operational layer", e)
          .increment(e.rowsLoaded());
      for (Map.Entry<RejectReason, Long> r : e.rejects().entrySet()) {
        Counter.builder("wds.rows.rejected")
            .description("rows rejected, by reason")
            .tag("source", e.source())
            .tag("extract", e.extract())
            .tag("reason", r.getKey().name())
            .register(registry)
            .increment(r.getValue());
      }
    }
  }

  private Counter counter(String name, String description, ExtractResult e) {
    return Counter.builder(name)
        .description(description)
        .tag("source", e.source())
        .tag("extract", e.extract())
        .register(registry);
  }
}
