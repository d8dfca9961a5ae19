package wds.warehouse.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IntervalTest {

  @Test
  void wilson_Given45Of50_ThenThePublishedInterval786To957() {
    // Newcombe (1998), method 3; also epitools/R binom.confint(45, 50, method = "wilson")
    Interval i = Interval.wilson(45, 50, 100);
    assertThat(i.low()).isCloseTo(78.64, within(0.01));
    assertThat(i.high()).isCloseTo(95.65, within(0.01));
  }

  @Test
  void wilson_GivenZeroOf10_ThenTheIntervalStartsAtZero() {
    Interval i = Interval.wilson(0, 10, 100);
    assertThat(i.low()).isEqualTo(0.0);
    assertThat(i.high()).isCloseTo(27.75, within(0.01));
  }

  @Test
  void garwood_Given3Events_ThenTheExactPoissonBounds0619And8767() {
    // Garwood (1936); tabulated as 0.619 and 8.77 for x = 3
    Interval i = Interval.poissonCount(3);
    assertThat(i.low()).isCloseTo(0.6187, within(0.0001));
    assertThat(i.high()).isCloseTo(8.7673, within(0.0001));
  }

  @Test
  void garwood_Given3DeathsPer2000Births_ThenRatePer100kFrom309To4384() {
    Interval i = Interval.poisson(3, 2000, 100_000);
    assertThat(i.low()).isCloseTo(30.94, within(0.01));
    assertThat(i.high()).isCloseTo(438.36, within(0.01));
  }

  @Test
  void garwood_GivenNoEvent_ThenLowIsZeroAndHighIs3689() {
    Interval i = Interval.poissonCount(0);
    assertThat(i.low()).isEqualTo(0.0);
    assertThat(i.high()).isCloseTo(3.6889, within(0.0001));
  }

  @Test
  void interval_GivenNumeratorAboveDenominatorOrNoDenominator_ThenNone() {
    assertThat(Interval.wilson(6, 5, 100)).isNull();
    assertThat(Interval.poisson(6, 5, 1000)).isNull();
    assertThat(Interval.wilson(0, 0, 100)).isNull();
    assertThat(Interval.of(IntervalMethod.NONE, 1, 2, 1)).isNull();
  }
}
