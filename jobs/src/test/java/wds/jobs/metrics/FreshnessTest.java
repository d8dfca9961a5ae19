package wds.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FreshnessTest {

  private static final LocalDate TODAY = LocalDate.of(2025, 3, 10);

  @TempDir Path dir;

  static Stream<Arguments> lags() {
    return IntStream.rangeClosed(0, 6)
        .boxed()
        .flatMap(lag -> Stream.of(1, 2, 3).map(max -> Arguments.of(lag, max)));
  }

  @ParameterizedTest(name = "lag {0} days, limit {1}")
  @MethodSource("lags")
  void aSourceWarns_OnlyAfterMoreThanItsLimitOfDaysWithoutDelivery(int lag, int maxDays)
      throws Exception {
    Path db = dir.resolve("current.duckdb");
    new Snapshots(db).delivery("health", TODAY.minusDays(lag), "loaded");

    SourceFreshness health =
        Freshness.check(db, List.of("health"), new FreshnessPolicy(maxDays, Map.of()), TODAY)
            .get(0);

    assertThat(health.lagDays()).hasValue(lag);
    assertThat(health.stale()).isEqualTo(lag > maxDays);
    assertThat(health.warning() != null).isEqualTo(lag > maxDays);
  }

  @Test
  void refusedDeliveries_AndSilentSources_CountAsNoDelivery_AndLimitsCanBeSetPerSource()
      throws Exception {
    Path db = dir.resolve("current.duckdb");
    new Snapshots(db)
        .delivery("health", TODAY.minusDays(5), "loaded")
        .delivery("health", TODAY.minusDays(1), "refused") // brought no data
        .delivery("hr", TODAY.minusDays(3), "loaded")
        .delivery("education", TODAY.minusDays(1), "loaded");
    FreshnessPolicy policy = new FreshnessPolicy(2, Map.of("hr", 5));

    List<SourceFreshness> freshness =
        Freshness.check(db, List.of("civil", "education", "health", "hr"), policy, TODAY);

    assertThat(freshness)
        .extracting(SourceFreshness::source, SourceFreshness::stale)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("civil", true),
            org.assertj.core.groups.Tuple.tuple("education", false),
            org.assertj.core.groups.Tuple.tuple("health", true),
            org.assertj.core.groups.Tuple.tuple("hr", false));
    assertThat(Freshness.warnings(freshness))
        .containsExactly(
            "source civil: no delivery or pull loaded yet",
            "source health: no delivery or pull for 5 days (latest 2025-03-05, limit 2)");
  }

  @Test
  void yearlyReturns_HaveAYearlyLimit_UnlessConfigured() {
    assertThat(FreshnessPolicy.defaults().maxDaysOf("population")).isEqualTo(400);
    assertThat(FreshnessPolicy.defaults().maxDaysOf("health")).isEqualTo(2);
    assertThat(new FreshnessPolicy(3, Map.of("population", 30)).maxDaysOf("population"))
        .isEqualTo(30);
  }

  @Test
  void aHomeWithoutSnapshot_ReportsEverySourceAsNeverDelivered() throws Exception {
    List<SourceFreshness> freshness =
        Freshness.check(
            dir.resolve("absent.duckdb"), List.of("health"), new FreshnessPolicy(2, null), TODAY);

    assertThat(freshness).singleElement().satisfies(f -> assertThat(f.stale()).isTrue());
  }
}
