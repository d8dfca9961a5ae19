package wds.pipeline.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

  @Test
  void controlCharacters_areShownAsEscapes_soNoLineCanBeForged() {
    String forged = "births_20250302.csv\n2026-12-03 ERROR fake log line\r\u0000\u001b[31m\t";

    String shown = LogText.escape(forged);

    assertThat(shown)
        .isEqualTo("births_20250302.csv\\n2026-12-03 ERROR fake log line\\r\\u0000\\u001b[31m\\t")
        .doesNotContain("\n", "\r", "\u0000", "\u001b");
  }

  @Test
  void separatorsAndBidiOverrides_areEscapedToo() {
    assertThat(LogText.escape("a\u2028b\u202ec\u0085d\u007f"))
        .isEqualTo("a\\u2028b\\u202ec\\u0085d\\u007f");
  }

  @Test
  void plainAndChineseText_isUnchanged() {
    assertThat(LogText.escape("呼图壁县 areas_20250302.csv")).isEqualTo("呼图壁县 areas_20250302.csv");
  }

  @Test
  void longValue_isCutAndSaysHowMuchIsLeftOut() {
    String shown = LogText.escape("x".repeat(5000));

    assertThat(shown)
        .startsWith("x".repeat(LogText.VALUE_LIMIT) + "…")
        .endsWith("(" + (5000 - LogText.VALUE_LIMIT) + " more characters)");
    assertThat(LogText.message("y".repeat(5000)).toString())
        .hasSize(LogText.MESSAGE_LIMIT + "…(1000 more characters)".length());
  }

  @Test
  void escapingTwice_changesNothing() {
    String once = LogText.escapeMessage("a\nb\u0000c\\n");

    assertThat(LogText.escapeMessage(once)).isEqualTo(once);
  }

  @Test
  void cut_neverSplitsACharacterInTwo() {
    String value = "a".repeat(LogText.VALUE_LIMIT - 1) + "😀" + "b";

    String shown = LogText.escape(value);

    assertThat(shown).startsWith("a".repeat(LogText.VALUE_LIMIT - 1) + "…");
  }

  @Test
  void loneSurrogate_isEscaped() {
    assertThat(LogText.escape("a\ud800b")).isEqualTo("a\\ud800b");
  }
}
