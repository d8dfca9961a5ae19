package wds.jobs.metrics;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How old a source's latest delivery may be before wds warns ({@code wds.freshness.*}).
 *
 * @param maxDays the days a source may go without a delivery or pull (default 2)
 * @param sources per-source exceptions, e.g. {@code population: 400} for a yearly return
 */
@ConfigurationProperties("wds.freshness")
public record FreshnessPolicy(@DefaultValue("2") int maxDays, Map<String, Integer> sources) {

  public FreshnessPolicy {
    sources = sources == null ? Map.of() : Map.copyOf(sources);
  }

  /** The limit for one source: its exception, or the default. */
  public int maxDaysOf(String source) {
    return sources.getOrDefault(source, maxDays);
  }
}
