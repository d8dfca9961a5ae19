package wds.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import wds.pipeline.synthetic.CountyGenerator;
import wds.pipeline.synthetic.GeneratorSettings;
import wds.warehouse.Plan;
import wds.warehouse.WarehouseBuilder;
import wds.warehouse.indicator.IndicatorEngine;
import wds.warehouse.model.ModelCatalog;

/**
 * The build comparison: a generated county, loaded as the nightly loads it, built twice from the
 * same work database, once with the indicator engine reading the facts part by part (the earlier
 * way) and once fact by fact (the nightly's); every table of the two warehouses, the indicator
 * values with their intervals and statuses, the warnings and the mart among them, must be equal row
 * for row, doubles exactly.
 */
class BuildComparisonTest {

  static final LocalDate AS_OF = LocalDate.of(2026, 1, 31);

  @TempDir Path tmp;

  @ParameterizedTest(name = "county of seed {0}")
  @ValueSource(longs = {23, 57})
  void build_WhenTheEngineReadsEachFactOnce_ThenEveryTableEqualsThePartByPartBuild(long seed)
      throws Exception {
    Path home = tmp.resolve("home");
    Path drop = tmp.resolve("drop");
    CountyGenerator.generate(GeneratorSettings.defaults().withPersons(3_000).withSeed(seed), drop);
    NightlyRuns.secret(home);
    NightlyRuns.Run load =
        NightlyRuns.wds("load", "--home", home.toString(), "--drop", drop.toString());
    assertThat(load.exitCode()).as(load.output()).isZero();

    try (Connection work =
            DriverManager.getConnection("jdbc:duckdb:" + home.resolve("warehouse/work.duckdb"));
        Statement st = work.createStatement()) {
      st.execute("ATTACH '" + tmp.resolve("per_part.duckdb") + "' AS per_part");
      st.execute("ATTACH '" + tmp.resolve("per_fact.duckdb") + "' AS per_fact");
      new WarehouseBuilder(Plan.standard(), ModelCatalog.load(), IndicatorEngine.Passes.PER_PART)
          .build(work, "per_part", AS_OF);
      new WarehouseBuilder(Plan.standard(), ModelCatalog.load(), IndicatorEngine.Passes.PER_FACT)
          .build(work, "per_fact", AS_OF);

      List<String> tables = NightlyRuns.tables(work, "per_part");
      assertThat(NightlyRuns.tables(work, "per_fact")).isEqualTo(tables);
      assertThat(tables).contains("indicator_value", "indicator_warning", "mart_sex_age");
      for (String table : tables) {
        for (String[] sides : new String[][] {{"per_part", "per_fact"}, {"per_fact", "per_part"}}) {
          assertThat(
                  NightlyRuns.count(
                      work,
                      "SELECT count(*) FROM (SELECT * FROM %1$s.%3$s EXCEPT ALL SELECT * FROM %2$s.%3$s)"
                          .formatted(sides[0], sides[1], table)))
              .as("rows of %s in %s without an equal row in %s", table, sides[0], sides[1])
              .isZero();
        }
      }
      // the comparison compared something: values with intervals, every status, warnings
      assertThat(
              NightlyRuns.count(
                  work, "SELECT count(*) FROM per_fact.indicator_value WHERE ci_low IS NOT NULL"))
          .isPositive();
      assertThat(
              NightlyRuns.count(
                  work, "SELECT count(DISTINCT status) FROM per_fact.indicator_value"))
          .isGreaterThanOrEqualTo(3);
      assertThat(NightlyRuns.count(work, "SELECT count(*) FROM per_fact.indicator_warning"))
          .isPositive();
    }
  }
}
