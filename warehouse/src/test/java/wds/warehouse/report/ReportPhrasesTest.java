package wds.warehouse.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import wds.warehouse.indicator.Unit;

class ReportPhrasesTest {

  @Test
  void gap_WhenTheValueMissesByAnAmountThatShows_ThenStatesIt() {
    assertThat(ReportPhrases.gap(Unit.PERCENT, 1.84)).isEqualTo("距目标仍差1.8个百分点");
  }

  @Test
  void gap_WhenAStrictTargetIsMetWithEquality_ThenSaysLevelNotZero() {
    // H12 "高于2020年基线值" observed at the baseline's own value: a gap of 0, still not met
    assertThat(ReportPhrases.gap(Unit.PERCENT, 0.0)).isEqualTo("与目标基本持平，尚未越过目标");
    assertThat(ReportPhrases.gap(Unit.PERCENT, 0.02)).isEqualTo("与目标基本持平，尚未越过目标");
  }

  @Test
  void change_WhenTheDifferenceRoundsToNothing_ThenLevelWithLastYear() {
    assertThat(ReportPhrases.change(Unit.PERCENT, 93.31, 93.3)).isEqualTo("与上年持平");
    assertThat(ReportPhrases.change(Unit.PERCENT, 93.3, 92.5)).isEqualTo("比上年提高0.8个百分点");
  }
}
