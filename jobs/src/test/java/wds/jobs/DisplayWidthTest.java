package wds.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayWidthTest {

  @Test
  void of_CountsChineseAndFullwidthCharactersTwoColumnsAndTheRestOne() {
    assertThat(DisplayWidth.of("652327000000")).isEqualTo(12);
    assertThat(DisplayWidth.of("吉木萨尔县")).isEqualTo(10);
    assertThat(DisplayWidth.of("昌吉回族自治州 (prefecture)")).isEqualTo(14 + 13);
    assertThat(DisplayWidth.of("（１）")).as("fullwidth forms").isEqualTo(6);
    assertThat(DisplayWidth.of("ｱｲ")).as("halfwidth katakana").isEqualTo(2);
    assertThat(DisplayWidth.of("𠀀")).as("an ideograph beyond the BMP").isEqualTo(2);
    assertThat(DisplayWidth.of("")).isZero();
  }

  @Test
  void padRight_PadsToTerminalColumnsNotCharacters() {
    assertThat(DisplayWidth.padRight("呼图壁县", 10)).isEqualTo("呼图壁县  ");
    assertThat(DisplayWidth.padRight("done", 10)).isEqualTo("done      ");
    assertThat(DisplayWidth.padRight("木垒哈萨克自治县", 10)).isEqualTo("木垒哈萨克自治县");
  }
}
