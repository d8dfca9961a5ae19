package wds.warehouse.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import wds.warehouse.Plan;
import wds.warehouse.model.ModelCatalog;

class IndicatorDefinitionsTest {

  @Test
  void everyComputedIndicator_ThenHasADefinitionMatchingItsCatalogueEntry() {
    IndicatorDefinitions definitions = new IndicatorDefinitions(ModelCatalog.load());
    int computed = 0;
    for (CatalogueEntry entry : Plan.standard().indicators().entries()) {
      if (entry.basis() == Basis.COMPUTED) {
        IndicatorDefinition def = definitions.load(entry);
        assertThat(def.unit()).isEqualTo(entry.unit());
        assertThat(def.bySex()).isEqualTo(entry.bySex());
        assertThat(def.denominator() == null).isEqualTo(entry.unit() == Unit.COUNT);
        computed++;
      }
    }
    assertThat(computed).isEqualTo(35);
  }

  @Test
  void residenceSplit_ThenTheHealthIndicatorsButH08() {
    IndicatorDefinitions definitions = new IndicatorDefinitions(ModelCatalog.load());
    for (CatalogueEntry entry : Plan.standard().indicators().entries()) {
      if (entry.basis() == Basis.COMPUTED) {
        boolean health = entry.code().startsWith("H") && !entry.code().equals("H08");
        assertThat(definitions.load(entry).residenceSplit()).as(entry.code()).isEqualTo(health);
        assertThat(definitions.load(entry).townships())
            .as(entry.code())
            .isEqualTo(!entry.code().startsWith("E"));
      }
    }
  }
}
