package wds.warehouse.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelCatalogTest {

  private static final String CATALOGS = "wds/warehouse/model/catalogs/";

  @Test
  void load_ThenTheStagingModelsAreViewsAndBuildContextIsATable() {
    ModelCatalog models = ModelCatalog.load();

    assertThat(models.models())
        .filteredOn(model -> model.name().startsWith("stg_"))
        .hasSize(15)
        .allMatch(Model::view);
    assertThat(models.get("build_context").view()).isFalse();
    assertThat(models.models())
        .filteredOn(model -> !model.layer().equals("staging"))
        .noneMatch(Model::view);
  }

  @Test
  void load_GivenAViewDeclaringTests_ThenItIsRefusedNamingItsFile() {
    assertThatThrownBy(() -> ModelCatalog.load(CATALOGS + "view-with-tests/"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            CATALOGS
                + "view-with-tests/staging/stg_things.yml: a view has no tests of its own;"
                + " declare them on the table that reads it");
  }

  @Test
  void load_GivenAnUnknownMaterialization_ThenItIsRefusedNamingItsFileAndValue() {
    assertThatThrownBy(() -> ModelCatalog.load(CATALOGS + "unknown-materialization/"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            CATALOGS
                + "unknown-materialization/staging/stg_things.yml: materialized is table or view,"
                + " not ephemeral");
  }
}
