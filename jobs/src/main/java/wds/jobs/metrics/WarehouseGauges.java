package wds.jobs.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import wds.jobs.WdsHome;
import wds.jobs.schedule.NightlyRunFinished;
import wds.schemas.CountyClock;
import wds.schemas.SchemaCatalog;

/**
 * The gauges read from the published warehouse: delivery lag and staleness per source ({@code
 * wds.delivery.lag.days}, {@code wds.delivery.stale}) and the share of the plan's indicators with a
 * value this year ({@code wds.indicators.with.value.ratio}). Readings are taken after every
 * scheduled run and, at most once per {@code maxAge}, when Prometheus scrapes; a gauge never opens
 * the warehouse itself. A value that cannot be known (no snapshot yet) is NaN.
 */
public class WarehouseGauges implements MeterBinder {

  private static final Logger log = LoggerFactory.getLogger(WarehouseGauges.class);

  private record Readings(Instant takenAt, Map<String, SourceFreshness> sources, double ratio) {}

  private final WdsHome home;
  private final FreshnessPolicy policy;
  private final Clock clock;
  private final Duration maxAge;
  private final List<String> sources = SchemaCatalog.load().sources();
  private volatile Readings readings;

  public WarehouseGauges(WdsHome home, FreshnessPolicy policy, Clock clock, Duration maxAge) {
    this.home = home;
    this.policy = policy;
    this.clock = clock;
    this.maxAge = maxAge;
    this.readings = new Readings(Instant.MIN, Map.of(), Double.NaN);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String source : sources) {
      Gauge.builder("wds.delivery.lag.days", this, g -> g.lag(source))
          .description("days since the source's latest loaded delivery (county time)")
          .tag("source", source)
          .register(registry);
      Gauge.builder("wds.delivery.stale", this, g -> g.stale(source))
          .description("1 when the source had no delivery or pull for more than its limit")
          .tag("source", source)
          .register(registry);
    }
    Gauge.builder("wds.indicators.with.value.ratio", this, g -> g.readings.ratio())
        .description(
            "share of the plan's indicators with a value in the plan's latest complete year")
        .register(registry);
  }

  /** Takes new readings when the last ones are older than the configured age. */
  public void refreshIfOlder() {
    if (readings.takenAt().isBefore(clock.instant().minus(maxAge))) {
      refresh();
    }
  }

  /** Takes new readings now; on failure keeps the old ones and logs why. */
  public synchronized List<SourceFreshness> refresh() {
    try {
      List<SourceFreshness> freshness = Freshness.ofPublished(home, policy, clock);
      int year = LocalDate.now(clock.withZone(CountyClock.ZONE)).getYear();
      OptionalDouble ratio = IndicatorCoverage.ratioThisYear(Freshness.currentSnapshot(home), year);
      readings =
          new Readings(
              clock.instant(),
              freshness.stream()
                  .collect(Collectors.toMap(SourceFreshness::source, Function.identity())),
              ratio.orElse(Double.NaN));
      return freshness;
    } catch (Exception e) {
      log.warn("metrics: cannot read the published snapshot: {}", e.toString());
      return List.of();
    }
  }

  /** After each scheduled run: new readings, and the freshness warnings in the log. */
  @EventListener
  public void onRun(NightlyRunFinished finished) {
    Freshness.warnings(refresh()).forEach(w -> log.warn("freshness: {}", w));
  }

  private double lag(String source) {
    SourceFreshness f = readings.sources().get(source);
    return f == null || f.lagDays().isEmpty() ? Double.NaN : f.lagDays().getAsLong();
  }

  private double stale(String source) {
    SourceFreshness f = readings.sources().get(source);
    return f == null ? Double.NaN : f.stale() ? 1 : 0;
  }
}
