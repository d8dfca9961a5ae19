package wds.jobs.metrics;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How old a source's latest delivery may be before wds warns ({@code wds.freshness.*}).
 *
 * @param maxDays the days a source may go without a delivery or pull (default 2)
 * @param sources per-source limits; the yearly returns ({@code population}, {@code reports}) have
 *     400 days unless configured otherwise
 */
@ConfigurationProperties("wds.freshness")
public record FreshnessPolicy(@DefaultValue("2") int maxDays, Map<String, Integer> sources) {

  /** Sources delivered once a year: a warning after 2 days would be noise every day. */
  static final Map<String, Integer> YEARLY = Map.of("population", 400, "reports", 400);

  public FreshnessPolicy {
    Map<String, Integer> merged = new HashMap<>(YEARLY);
    if (sources != null) {
      merged.putAll(sources);
    }
    sources = Map.copyOf(merged);
  }

  /** The policy without configuration: 2 days, 400 for the yearly returns. */
  public static FreshnessPolicy defaults() {
    return new FreshnessPolicy(2, null);
  }

  /** The limit for one source: its own, or the default. */
  public int maxDaysOf(String source) {
    return sources.getOrDefault(source, maxDays);
  }
}
