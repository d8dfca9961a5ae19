package wds.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.warehouse.indicator.TargetOp;

/** The plan is configuration: the next plan, with new years and targets, needs no code change. */
class PlanTest {

  @Test
  void standard_ThenTheYearsOf2021To2025AndTheCatalogueTargets() {
    Plan plan = Plan.standard();
    assertThat(List.of(plan.baselineYear(), plan.firstYear(), plan.midTermYear(), plan.finalYear()))
        .containsExactly(2020, 2021, 2023, 2025);
    assertThat(plan.indicators().entries()).hasSize(42);
    assertThat(plan.indicators().get("H02").target().value()).isEqualByComparingTo("90");
  }

  @Test
  void nextPlan_GivenThe2026To2030File_ThenItsYearsAndTargetsDriveTheBuild() throws Exception {
    Plan next = Plan.fromClasspath("wds/warehouse/plans/2026-2030.yml");
    try (OdsFixture f = OdsFixture.create().county()) {
      f.delivery("health", "births", LocalDate.of(2028, 3, 1), "loaded");
      for (int year = 2025; year <= 2027; year++) {
        for (int i = 0; i < 4; i++) {
          f.row("health", "births")
              .set("cert_no", year + "-" + i)
              .person("mother_", "m" + year + i, LocalDate.of(1995, 1, 1), "2")
              .set("child_sex", "1")
              .set("birth_date", LocalDate.of(year, 6, 1))
              .set("delivery_place", i < (year - 2024) ? "1" : "3")
              .set("delivery_mode", i == 0 ? "2" : "1")
              .set("residence_area_code", OdsFixture.A_RURAL)
              .insert();
        }
      }

      BuildResult result = f.build(next, LocalDate.of(2028, 6, 30));

      assertThat(List.of(result.firstYear(), result.lastYear())).containsExactly(2025, 2028);
      assertThat(f.rows("select target_op, target from snap.indicator where code = 'H02'"))
          .containsExactly(List.of("ge", 95.0));
      // a monitored indicator of the last plan gets a target in the next: H13 25% < 30 is met
      assertThat(
              f.rows(
                  "select value, status from snap.indicator_value where indicator_code = 'H13'"
                      + " and year = 2026 and area_code = ? and residence = 'all'",
                  OdsFixture.COUNTY))
          .containsExactly(List.of(25.0, "met"));
      // up is judged against the new baseline year, 2025 (25%), which itself has no target
      assertThat(
              f.rows(
                  "select year, value, status from snap.indicator_value where indicator_code ="
                      + " 'H12' and area_code = ? and residence = 'all' and year <= 2027"
                      + " order by year",
                  OdsFixture.COUNTY))
          .containsExactly(
              List.of(2025, 25.0, "no_target"),
              List.of(2026, 50.0, "met"),
              List.of(2027, 75.0, "met"));
      assertThat(f.value("select plan_code from snap.build_context")).isEqualTo("2026-2030");
    }
  }

  @Test
  void load_GivenAPlanFileWithACatalogueBesideIt_ThenOnlyThatCatalogueWithItsOverrides(
      @TempDir Path dir) throws Exception {
    List<String> lines =
        Files.readAllLines(Path.of("src/main/resources/wds/warehouse/indicators.csv"));
    Files.write(
        dir.resolve("catalogue.csv"),
        List.of(lines.get(0), lines.stream().filter(l -> l.startsWith("H12,")).findFirst().get()));
    Path file = dir.resolve("plan.yml");
    Files.writeString(
        file,
        """
        code: county-test
        baseline_year: 2020
        first_year: 2021
        mid_term_year: 2023
        final_year: 2025
        catalogue: catalogue.csv
        targets:
          H12: {op: ge, value: 99.5}
        """);
    Plan plan = Plan.load(file);
    assertThat(plan.indicators().entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.code()).isEqualTo("H12");
              assertThat(e.target().op()).isEqualTo(TargetOp.GE);
              assertThat(e.target().value()).isEqualByComparingTo(new BigDecimal("99.5"));
            });
  }

  @Test
  void load_GivenATargetForAnIndicatorOutsideTheCatalogue_ThenAClearError() {
    Plan plan =
        new Plan(
            "bad",
            "bad",
            2020,
            2021,
            2023,
            2025,
            "classpath:wds/warehouse/indicators.csv",
            java.util.Map.of(
                "Z99", new wds.warehouse.indicator.Target(TargetOp.GE, BigDecimal.ONE, null)),
            null);
    assertThatThrownBy(plan::indicators).hasMessageContaining("Z99");
  }
}
