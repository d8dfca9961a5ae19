package wds.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkNightlyCommandTest {

  @TempDir Path tmp;

  @Test
  void benchmark_WhenRun_ThenItTimesTheWholeProcessEveryStepTheReadCsvYardstickAndTheDeltaNight() {
    Path home = tmp.resolve("home");
    NightlyRuns.Run run =
        NightlyRuns.wds("benchmark-nightly", "--persons", "1500", "--home", home.toString());

    assertThat(run.exitCode()).as(run.output()).isZero();
    String out = run.output();
    assertThat(out).containsPattern("generated 1,500 persons: 15 files, [\\d,]+ rows");
    assertThat(out)
        .containsPattern(
            "wall [\\d.]+ s, CPU [\\d.]+ s \\(user \\+ system\\), peak resident memory [\\d,]+ MB");
    // the child's own job steps, read from its job repository
    for (String step :
        new String[] {
          "clearUnpublishedBuilds", "loadDeliveries", "publishSnapshot", "exportLake", "publishFeed"
        }) {
      assertThat(out).containsPattern(" " + step + " +[\\d.]+ s");
    }
    // every step of the in-process nightly, with wall, CPU, CPU/wall and its CPU share
    for (String step :
        new String[] {
          "load \\(6 sources, checkpoint\\)",
          "models: staging",
          "models: dims",
          "models: facts",
          "models: marts",
          "indicator engine",
          "warnings",
          "indicator tables",
          "gates and model tests",
          "snapshot: checkpoint, detach, swap",
          "lake",
          "public feed"
        }) {
      assertThat(out).containsPattern("\\n  " + step + " +[\\d.]+ +[\\d.]+ +[\\d.]+ +[\\d.]+%");
    }
    assertThat(out)
        .containsPattern("yardstick: DuckDB's bare read_csv.*wall [\\d.]+ s, CPU [\\d.]+ s");
    assertThat(out)
        .containsPattern("load average \\(1, 5, 15 min\\): before [\\d.]+ [\\d.]+ [\\d.]+");
    // the next night's delta, a second whole nightly on the first one's home, with its own steps
    assertThat(out).containsPattern("delta night 1: wall [\\d.]+ s, CPU [\\d.]+ s");
    assertThat(out)
        .containsPattern(
            "(?s)the next night's delta \\([\\d,]+ rows in \\d+ files\\), `wds nightly` again on"
                + " the same home:\n  wall [\\d.]+ s, CPU [\\d.]+ s.*"
                + " loadDeliveries +[\\d.]+ s.* writeReports +[\\d.]+ s");
    // the runs' homes are gone; the delivery stays for a second look
    assertThat(home.resolve("benchmark-nightly/whole-1")).doesNotExist();
    assertThat(home.resolve("benchmark-nightly/steps-1")).doesNotExist();
    assertThat(Files.isDirectory(home.resolve("benchmark-nightly/drop"))).isTrue();
    assertThat(Files.isDirectory(home.resolve("benchmark-nightly/delta"))).isTrue();
  }

  @Test
  void benchmark_WhenRunsIsZero_ThenItIsRefusedBeforeAnythingIsGenerated() {
    Path home = tmp.resolve("home");
    NightlyRuns.Run run =
        NightlyRuns.wds("benchmark-nightly", "--runs", "0", "--home", home.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.output()).contains("--runs must be at least 1");
    assertThat(home.resolve("benchmark-nightly")).doesNotExist();
  }
}
