package wds.jobs.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The row counters of the load, as Micrometer meters: rows read and loaded per source and extract,
 * rows rejected per source, extract and reason. The loader counts every file and pull through this
 * class, so the metrics keep the audit's rule {@code read = loaded + rejected}.
 */
public final class LoadMetrics {

  /** Rows read from deliveries and pulls (tags source, extract). */
  public static final String READ = "wds.rows.read";

  /** Rows loaded into the operational layer (tags source, extract). */
  public static final String LOADED = "wds.rows.loaded";

  /** Rows rejected, by reason code (tags source, extract, reason). */
  public static final String REJECTED = "wds.rows.rejected";

  private final MeterRegistry registry;

  public LoadMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void read(String source, String extract, long rows) {
    counter(READ, "rows read from deliveries and pulls", source, extract).increment(rows);
  }

  public void loaded(String source, String extract, long rows) {
    counter(LOADED, "rows loaded into the operational layer", source, extract).increment(rows);
  }

  public void rejected(String source, String extract, String reason, long rows) {
    Counter.builder(REJECTED)
        .description("rows rejected, by reason code")
        .tags("source", source, "extract", extract, "reason", reason)
        .register(registry)
        .increment(rows);
  }

  private Counter counter(String name, String description, String source, String extract) {
    return Counter.builder(name)
        .description(description)
        .tags("source", source, "extract", extract)
        .register(registry);
  }
}
