package wds.jobs.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.jobs.WdsCli;
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
    Process process =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    "wds.jobs.WdsCli",
                    "load",
                    "--home",
                    killed.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      // the first delivery (population) is committed, the others are still to come
      assertThat(await(Duration.ofSeconds(120), () -> read(log).contains("population 2026-01-15:")))
          .as("the first delivery was loaded; log:%n%s", read(log))
          .isTrue();
      process.destroyForcibly(); // SIGKILL: nothing of the process runs any more
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }
    assertThat(read(log)).as("the load had not finished").doesNotContain("load completed");
    long committed =
        Long.parseLong(
            LoadCommandTest.query(killed, "SELECT count(DISTINCT source) FROM etl_delivery")
                .get(0)
                .get(0));
    assertThat(committed).as("sources committed when the process died").isBetween(1L, 5L);

    String again = LoadCommandTest.captured(() -> assertThat(load(killed)).isZero());
    assertThat(again).contains("population 2026-01-15: loaded before, nothing to do");
    assertThat(load(uninterrupted)).isZero();

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

  private static int load(Path home) {
    return WdsCli.commandLine().execute("load", "--home", home.toString());
  }

  private static boolean await(Duration limit, java.util.function.BooleanSupplier done)
      throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < end) {
      if (done.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  private static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
