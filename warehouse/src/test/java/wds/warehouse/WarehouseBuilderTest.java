package wds.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import wds.warehouse.model.Model;
import wds.warehouse.model.ModelCatalog;
import wds.warehouse.model.ModelTests;

class WarehouseBuilderTest {

  @Test
  void build_WhenGivenTheOperationalLayer_ThenEveryModelTableIsInTheTargetCatalogAndNoViewIsLeft()
      throws Exception {
    try (OdsFixture f = OdsFixture.create().county()) {
      f.population(2024, OdsFixture.A_RURAL, "2", 40, 100);
      f.row("health", "births")
          .set("cert_no", "B1")
          .person("mother_", "mum", LocalDate.of(1995, 5, 1), "2")
          .set("child_sex", "1")
          .set("birth_date", LocalDate.of(2024, 3, 3))
          .set("delivery_place", "1")
          .set("delivery_mode", "1")
          .set("residence_area_code", OdsFixture.A_RURAL)
          .insert();

      BuildResult result = f.build();

      List<Model> models = ModelCatalog.load().models();
      assertThat(models).filteredOn(Model::view).isNotEmpty();
      for (Model model : models) {
        assertThat(
                f.value(
                    "select count(*) from information_schema.tables"
                        + " where table_catalog = 'snap' and table_name = ?",
                    model.name()))
            .as(model.name())
            .isEqualTo(model.view() ? 0L : 1L);
        assertThat(
                f.value(
                    "select count(*) from information_schema.tables"
                        + " where table_catalog in ('memory', 'temp') and table_name = ?",
                    model.name()))
            .as(model.name() + " not written to the source catalog, no view left behind")
            .isEqualTo(0L);
      }
      // the staging views were read: the birth reached its fact
      assertThat(f.value("select count(*) from snap.fact_births")).isEqualTo(1L);
      assertThat(result.firstYear()).isEqualTo(2020);
      assertThat(result.lastYear()).isEqualTo(2025);
      assertThat(new ModelTests().failures(f.conn, "snap")).isEmpty();
      assertThat(f.value("select current_setting('search_path')")).isEqualTo("");
    }
  }

  @Test
  void build_GivenOneBirthIn2024Only_ThenWarningsNameTheGapsAndMissesInChinese() throws Exception {
    try (OdsFixture f = OdsFixture.create().county()) {
      f.row("health", "births")
          .set("cert_no", "B1")
          .person("mother_", "mum", LocalDate.of(1995, 5, 1), "2")
          .set("child_sex", "1")
          .set("birth_date", LocalDate.of(2024, 3, 3))
          .set("delivery_place", "3")
          .set("delivery_mode", "1")
          .set("residence_area_code", OdsFixture.A_RURAL)
          .insert();

      f.build();

      // no births in 2023: the health sources delivered nothing for H12 that year
      assertThat(
              f.value(
                  "select message from snap.indicator_warning where indicator_code = 'H12'"
                      + " and year = 2023 and area_code = ? and kind = 'no_data'",
                  OdsFixture.COUNTY))
          .isEqualTo("呼图壁县住院分娩率2023年无数据：数据来源未提供该年记录");
      // one home birth in 2024: H02 0% misses 90%, on one event
      assertThat(
              f.rows(
                  "select kind, message from snap.indicator_warning where indicator_code = 'H02'"
                      + " and year = 2024 and area_code = ? and residence = 'all' order by kind",
                  OdsFixture.COUNTY))
          .extracting(r -> r.get(0))
          .containsExactly("not_met", "small_numbers");
      assertThat(
              f.value(
                  "select message from snap.indicator_warning where indicator_code = 'H02'"
                      + " and year = 2024 and area_code = ? and residence = 'all'"
                      + " and kind = 'not_met'",
                  OdsFixture.COUNTY))
          .isEqualTo("呼图壁县孕产妇系统管理率2024年为0.0%，低于目标90%");
      assertThat(
              f.value(
                  "select count(*) from snap.indicator_warning where kind = 'no_data'"
                      + " and indicator_code = 'N01' and area_code = ?",
                  OdsFixture.COUNTY))
          .isEqualTo(6L);
    }
  }
}
