package wds.warehouse.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellTableTest {

  @Test
  void protect_WhenTheAssumedTotalsAloneGiveAWithheldCellAway_ThenOneTotalIsDroppedNotTheJob() {
    // x + y, y + z and x + z are all taken as known: they fix x whatever the table publishes.
    CellTable table = new CellTable();
    int x = table.cell(1.0, true, false, "x");
    int y = table.cell(9.0, false, false, "y");
    int z = table.cell(6.0, false, false, "z");
    table.sum(table.fixed(), List.of(x, y));
    table.sum(table.fixed(), List.of(y, z));
    table.sum(table.fixed(), List.of(x, z));

    table.protect();

    assertThat(table.state(x)).isEqualTo(CellTable.State.PRIMARY);
    assertThat(DisclosureCheck.disclosed(table)).isEmpty();
    assertThat(DisclosureCheck.knownFromTotals(table)).doesNotContainKey(x);
    // with one total left unknown, the other two still need a second withheld cell
    assertThat(List.of(table.state(y), table.state(z))).contains(CellTable.State.SECONDARY);
  }

  @Test
  void protect_WhenAPublishedCellFollowsFromTheTotalsAlone_ThenItIsNotChosenToProtect() {
    // w + u, u + t and w + t are taken as known, so w is known anyway: withholding it would
    // protect nothing, so x's partner must be v though w is smaller.
    CellTable table = new CellTable();
    int x = table.cell(2.0, true, false, "x");
    int w = table.cell(1.0, false, false, "w");
    int v = table.cell(50.0, false, false, "v");
    int total = table.cell(53.0, false, true, "total");
    int u = table.cell(70.0, false, false, "u");
    int t = table.cell(80.0, false, false, "t");
    table.sum(total, List.of(x, w, v));
    table.sum(table.fixed(), List.of(w, u));
    table.sum(table.fixed(), List.of(u, t));
    table.sum(table.fixed(), List.of(w, t));

    table.protect();

    assertThat(table.state(w)).isEqualTo(CellTable.State.PUBLISHED);
    assertThat(table.state(v)).isEqualTo(CellTable.State.SECONDARY);
    assertThat(DisclosureCheck.disclosed(table)).isEmpty();
  }
}
