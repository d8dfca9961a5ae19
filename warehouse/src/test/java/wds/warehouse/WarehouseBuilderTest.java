package wds.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import wds.warehouse.model.ModelCatalog;
import wds.warehouse.model.ModelTests;

class WarehouseBuilderTest {

  @Test
  void build_WhenGivenTheOperationalLayer_ThenEveryModelTableIsInTheTargetCatalog()
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

      for (var model : ModelCatalog.load().models()) {
        assertThat(
                f.value(
                    "select count(*) from information_schema.tables"
                        + " where table_catalog = 'snap' and table_name = ?",
                    model.name()))
            .as(model.name())
            .isEqualTo(1L);
        assertThat(
                f.value(
                    "select count(*) from information_schema.tables"
                        + " where table_catalog = 'memory' and table_name = ?",
                    model.name()))
            .as(model.name() + " not written to the source catalog")
            .isEqualTo(0L);
      }
      assertThat(result.firstYear()).isEqualTo(2020);
      assertThat(result.lastYear()).isEqualTo(2025);
      assertThat(new ModelTests().failures(f.conn, "snap")).isEmpty();
      assertThat(f.value("select current_setting('search_path')")).isEqualTo("");
    }
  }
}
