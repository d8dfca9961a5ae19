package wds.warehouse.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetOpTest {

  @ParameterizedTest(name = "{0}: {1} against {2} ± {3} -> {4}")
  @CsvSource({
    "lt, 15.99, 16, 0, true",
    "lt, 16, 16, 0, false",
    "ge, 90, 90, 0, true",
    "ge, 89.9999999, 90, 0, false",
    "approx, 47, 45, 2, true",
    "approx, 43, 45, 2, true",
    "approx, 47.0000001, 45, 2, false",
    "approx, 42.9999999, 45, 2, false",
    "up, 50.0000001, 50, 0, true",
    "up, 50, 50, 0, false",
    "down, 49.9999999, 50, 0, true",
    "down, 50, 50, 0, false"
  })
  void meets_GivenExactValues_ThenBoundsAsTheContractSays(
      String op, String value, String reference, String tolerance, boolean met) {
    assertThat(
            TargetOp.of(op)
                .meets(new BigDecimal(value), new BigDecimal(reference), new BigDecimal(tolerance)))
        .isEqualTo(met);
  }
}
