package wds.jobs.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.jobs.WdsCli;
import wds.pipeline.synthetic.CountyGenerator;
import wds.pipeline.synthetic.GeneratorSettings;

/** The load holds DuckDB to the same limits as the build ({@code wds.duckdb.*}). */
class LoadDuckDbLimitsTest {

  @TempDir Path tmp;

  @Test
  void load_WhenTheMemoryLimitIsTooSmallForTheDelivery_ThenItFailsInOneLineAndLoadsWithTheDefault()
      throws Exception {
    Path home = tmp.resolve("home");
    Path drop = tmp.resolve("drop");
    CountyGenerator.generate(GeneratorSettings.defaults().withPersons(1_500).withSeed(3), drop);
    Deliveries.secret(home);

    String out;
    System.setProperty("wds.duckdb.memory-limit", "2MB");
    try {
      out = LoadCommandTest.captured(() -> assertThat(load(home, drop)).isEqualTo(1));
    } finally {
      System.clearProperty("wds.duckdb.memory-limit");
    }
    // DuckDB counts 2MB as 1.9 MiB: the load's own connection ran under the setting
    assertThat(out).contains("wds load: failed: Out of Memory").contains("1.9 MiB used");

    String again = LoadCommandTest.captured(() -> assertThat(load(home, drop)).isZero());
    assertThat(again).contains("load completed").contains("0 refused");
  }

  private static int load(Path home, Path drop) {
    return WdsCli.commandLine()
        .execute("load", "--home", home.toString(), "--drop", drop.toString());
  }
}
