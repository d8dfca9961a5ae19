package wds.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.jobs.testsupport.WdsProcess;
import wds.pipeline.synthetic.CountyGenerator;
import wds.pipeline.synthetic.GeneratorSettings;
import wds.warehouse.publish.Snapshots;

/**
 * {@code wds nightly} as its own process, killed with SIGKILL while it builds the snapshot: the
 * half-built snapshot (and its WAL) is left behind, and the next successful run clears it, keeping
 * only what it published (issue 9, point 8).
 */
class NightlyKilledDuringBuildTest {

  @TempDir Path tmp;

  @Test
  void nightly_WhenKilledDuringTheBuild_ThenTheNextRunLeavesNoUnpublishedBuild() throws Exception {
    Path home = tmp.resolve("home");
    Path drop = tmp.resolve("drop");
    CountyGenerator.generate(
        GeneratorSettings.defaults().withPersons(2_500).withSeed(11).withBadRowRate(0.002), drop);
    NightlyRuns.secret(home);
    Path snapshots = home.resolve("snapshots");

    Path console = tmp.resolve("killed.log");
    Path log = home.resolve("logs/wds.log"); // the console shows progress, the home's log the steps
    Process process =
        WdsProcess.start(
            console, List.of(), "nightly", "--home", home.toString(), "--drop", drop.toString());
    try {
      assertThat(
              WdsProcess.await(
                  Duration.ofSeconds(300),
                  // the line comes just before the file is created: wait for both
                  () ->
                      WdsProcess.read(log).contains("building snapshot wds-")
                          && !snapshotFilesOrNone(snapshots).isEmpty()))
          .as("the build started; console:%n%s", WdsProcess.read(console))
          .isTrue();
      process.destroyForcibly(); // SIGKILL during the build
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }
    assertThat(WdsProcess.read(log)).doesNotContain("published snapshot");
    List<String> orphans = snapshotFiles(snapshots);
    assertThat(orphans).as("what the killed run left").hasSize(1);
    assertThat(new Snapshots(snapshots).current()).as("nothing was published").isEmpty();

    NightlyRuns.Run again = NightlyRuns.nightly(home, drop);

    assertThat(again.exitCode()).as(again.output()).isIn(0, 2);
    Path current = new Snapshots(snapshots).current().orElseThrow();
    assertThat(snapshotFiles(snapshots))
        .as("only the published snapshot is left")
        .containsExactly(current.getFileName().toString());
    assertThat(snapshots.resolve(orphans.get(0))).doesNotExist();
    assertThat(snapshots.resolve(orphans.get(0) + ".wal")).doesNotExist();
    try (Stream<Path> files = Files.list(snapshots)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .noneMatch(name -> name.endsWith(".building") || name.endsWith(".wal"));
    }
  }

  private static List<String> snapshotFilesOrNone(Path snapshots) {
    try {
      return Files.isDirectory(snapshots) ? snapshotFiles(snapshots) : List.of();
    } catch (IOException e) {
      return List.of(); // the folder changes while we look: look again
    }
  }

  /** The snapshot files (built or being built) in the folder, by name. */
  private static List<String> snapshotFiles(Path snapshots) throws IOException {
    try (Stream<Path> files = Files.list(snapshots)) {
      return files
          .filter(f -> !Files.isSymbolicLink(f))
          .map(f -> f.getFileName().toString())
          .filter(name -> name.startsWith("wds-") && name.endsWith(".duckdb"))
          .sorted()
          .toList();
    }
  }
}
