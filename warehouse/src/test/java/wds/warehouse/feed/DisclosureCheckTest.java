package wds.warehouse.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DisclosureCheckTest {

  @Test
  void
      disclosed_WhenThreeWithheldCellsArePairwiseSummed_ThenAllThreeFollowThoughNoSubtractionShowsIt() {
    CellTable table = new CellTable();
    int x = table.cell(1.0, true, false);
    int y = table.cell(2.0, true, false);
    int z = table.cell(3.0, true, false);
    int xy = table.cell(3.0, false, false);
    int yz = table.cell(5.0, false, false);
    int xz = table.cell(4.0, false, false);
    table.sum(xy, List.of(x, y));
    table.sum(yz, List.of(y, z));
    table.sum(xz, List.of(x, z));

    assertThat(DisclosureCheck.disclosed(table)).containsExactly(x, y, z);
  }

  @Test
  void disclosed_WhenTwoWithheldCellsShareEveryRelation_ThenNeitherFollows() {
    CellTable table = new CellTable();
    int a = table.cell(1.0, true, false);
    int b = table.cell(7.0, false, false);
    int total = table.cell(8.0, false, true);
    table.sum(total, List.of(a, b));
    table.withhold(b);

    assertThat(DisclosureCheck.disclosed(table)).isEmpty();
  }

  @Test
  void disclosed_WhenAHiddenCellIsInTheRelation_ThenTheWithheldOneDoesNotFollow() {
    CellTable table = new CellTable();
    int a = table.cell(1.0, true, false);
    int unknown = table.hidden();
    int total = table.cell(8.0, false, true);
    table.sum(total, List.of(a, unknown));

    assertThat(DisclosureCheck.disclosed(table)).isEmpty();
  }

  @Test
  void knownFromTotals_WhenThreeAssumedTotalsArePairwiseSums_ThenTheyAloneFixEachCell() {
    CellTable table = new CellTable();
    int x = table.cell(1.0, true, false);
    int y = table.cell(9.0, false, false);
    int z = table.cell(6.0, false, false);
    table.sum(table.fixed(), List.of(x, y));
    table.sum(table.fixed(), List.of(y, z));
    table.sum(table.fixed(), List.of(x, z));

    assertThat(DisclosureCheck.knownFromTotals(table))
        .containsOnlyKeys(x, y, z)
        .containsEntry(x, List.of(0, 1, 2));
  }

  @Test
  void knownFromTotals_WhenEveryLineHasTwoUnknownsLeft_ThenNothingFollows() {
    CellTable table = new CellTable();
    int a = table.cell(1.0, true, false);
    int b = table.cell(9.0, false, false);
    int c = table.cell(6.0, false, false);
    int d = table.cell(2.0, false, false);
    table.sum(table.fixed(), List.of(a, b));
    table.sum(table.fixed(), List.of(c, d));
    table.sum(table.fixed(), List.of(a, c));
    table.sum(table.fixed(), List.of(b, d));

    assertThat(DisclosureCheck.knownFromTotals(table)).isEmpty();
  }
}
