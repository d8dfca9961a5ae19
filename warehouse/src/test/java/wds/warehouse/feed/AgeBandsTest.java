package wds.warehouse.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AgeBandsTest {

  @Test
  void standard_MapsTheMartsFiveYearGroupsToFourBands() {
    AgeBands bands = AgeBands.standard();
    assertThat(bands.bands())
        .extracting(AgeBands.Band::label)
        .containsExactly("00-14", "15-34", "35-59", "60+");
    assertThat(bands.bandOf("00-04")).contains("00-14");
    assertThat(bands.bandOf("10-14")).contains("00-14");
    assertThat(bands.bandOf("15-19")).contains("15-34");
    assertThat(bands.bandOf("55-59")).contains("35-59");
    assertThat(bands.bandOf("60-64")).contains("60+");
    assertThat(bands.bandOf("100+")).contains("60+");
    assertThat(bands.bandOf("total")).isEmpty();
  }

  @Test
  void parse_GivenBandsThatCutAFiveYearGroupOrLeaveAGap_ThenOneClearLine() {
    assertThatThrownBy(() -> AgeBands.parse("0-17,18-64,65+"))
        .hasMessage("age bands: 00-17 does not follow the 5-year groups (0-4, 5-9, ...)");
    assertThatThrownBy(() -> AgeBands.parse("0-14,20-64,65+"))
        .hasMessage("age bands: 20-64 should start at 15 (no gap, no overlap)");
    assertThatThrownBy(() -> AgeBands.parse("0-14,15-64"))
        .hasMessage("age bands: only the last band is open, and it must be (such as 65+)");
    assertThatThrownBy(() -> AgeBands.parse("0-14,fifteen+"))
        .hasMessage("age bands: 'fifteen+' is not a band such as 15-34 or 65+");
  }

  @Test
  void parse_GivenTheMartsOwnGroups_ThenEachGroupIsItsOwnBand() {
    AgeBands five = AgeBands.parse("0-4,5-9,10-14,15-19,20-24,25-99,100+");
    assertThat(five.bandOf("05-09")).contains("05-09");
    assertThat(five.bandOf("100+")).contains("100+");
  }
}
