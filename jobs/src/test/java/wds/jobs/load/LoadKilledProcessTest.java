package wds.jobs.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.jobs.testsupport.WdsProcess;
import wds.pipeline.synthetic.CountyGenerator;
import wds.pipeline.synthetic.GeneratorSettings;

/**
 * {@code wds load} as its own process, killed with SIGKILL half-way (no shutdown hook, no rollback,
 * files and locks left as they were), then run again: the warehouse and the audit equal those of a
 * load that was never interrupted.
 */
class LoadKilledProcessTest {

  @TempDir Path tmp;

  @Test
  void load_WhenItsProcessIsKilledHalfWay_ThenTheNextRunGivesTheUninterruptedWarehouse()
      throws Exception {
    GeneratorSettings county =
        GeneratorSettings.defaults().withPersons(20_000).withBadRowRate(0.002);
    Path killed = home("killed", county);
    Path uninterrupted = home("uninterrupted", county);

    Path log = tmp.resolve("killed.log");
    Process process = WdsProcess.start(log, List.of(), "load", "--home", killed.toString());
    try {
      // the first delivery (population) is committed, the others are still to come
      assertThat(
              WdsProcess.await(
                  Duration.ofSeconds(120),
                  () -> WdsProcess.read(log).contains("population 2026-01-15:")))
          .as("the first delivery was loaded; log:%n%s", WdsProcess.read(log))
          .isTrue();
      process.destroyForcibly(); // SIGKILL: nothing of the process runs any more
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }
    assertThat(WdsProcess.read(log))
        .as("the load had not finished")
        .doesNotContain("load completed");
    long committed =
        Long.parseLong(
            LoadCommandTest.query(killed, "SELECT count(DISTINCT source) FROM etl_delivery")
                .get(0)
                .get(0));
    assertThat(committed).as("sources committed when the process died").isBetween(1L, 5L);

    String again =
        LoadCommandTest.captured(() -> assertThat(LoadCommandTest.load(killed)).isZero());
    assertThat(again).contains("population 2026-01-15: loaded before, nothing to do");
    assertThat(LoadCommandTest.load(uninterrupted)).isZero();

    assertThat(LoadCommandTest.warehouse(killed))
        .isEqualTo(LoadCommandTest.warehouse(uninterrupted));
    String audit =
        "SELECT source, extract, delivery_date, file, rows_read, rows_loaded, rows_rejected,"
            + " sha256, status FROM etl_delivery ORDER BY ALL";
    assertThat(LoadCommandTest.query(killed, audit))
        .isEqualTo(LoadCommandTest.query(uninterrupted, audit));
    String rejects = "SELECT * FROM etl_reject ORDER BY ALL";
    assertThat(LoadCommandTest.query(killed, rejects))
        .isEqualTo(LoadCommandTest.query(uninterrupted, rejects))
        .isNotEmpty();
  }

  private Path home(String name, GeneratorSettings county) throws IOException {
    Path home = tmp.resolve(name);
    CountyGenerator.generate(county, home.resolve("drop"));
    Deliveries.secret(home);
    return home;
  }
}
