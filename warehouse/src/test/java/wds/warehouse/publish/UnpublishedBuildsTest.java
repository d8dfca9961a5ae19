package wds.warehouse.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clearing unpublished snapshot builds: a build whose run is gone (its marker's lock is free) is
 * removed with its WAL; a published snapshot, the current one and a live run's build never are.
 */
class UnpublishedBuildsTest {

  @TempDir Path dir;

  Path snapshots() {
    return dir.resolve("snapshots");
  }

  /** Publishes one real snapshot and returns it. */
  Path publishOne(Instant at) throws Exception {
    Path workFile = dir.resolve("work.duckdb");
    try (Connection work =
        Files.exists(workFile) ? TestDb.open(workFile) : TestDb.workDatabase(workFile)) {
      PublishResult result =
          new SnapshotPublisher(snapshots(), List.of(), 7, Clock.fixed(at, ZoneOffset.UTC))
              .publish(
                  work,
                  (c, catalog) ->
                      TestDb.execute(c, "CREATE TABLE " + catalog + ".dim_build AS SELECT 1 AS v"));
      assertThat(result.published()).isTrue();
      return result.snapshot();
    }
  }

  /** What a killed run leaves: the snapshot file, its WAL and its marker, no lock held. */
  Path abandonedBuild(String name) throws Exception {
    Path file = snapshots().resolve(name);
    try (Connection c = TestDb.open(file)) {
      TestDb.execute(c, "CREATE TABLE half_built AS SELECT 1 AS v");
    }
    Files.writeString(file.resolveSibling(name + ".wal"), "wal");
    Files.writeString(BuildMarker.of(file), "pid 99999\n");
    return file;
  }

  @Test
  void clear_WhenARunDiedDuringItsBuild_ThenItsFileAndWalGoAndThePublishedStay() throws Exception {
    Path older = publishOne(Instant.parse("2026-01-14T02:00:00Z"));
    Path current = publishOne(Instant.parse("2026-01-15T02:00:00Z"));
    Path orphan = abandonedBuild("wds-20260116-020000.duckdb");

    List<Path> removed = new UnpublishedBuilds(snapshots()).clear();

    assertThat(removed).containsExactly(orphan);
    assertThat(orphan).doesNotExist();
    assertThat(orphan.resolveSibling(orphan.getFileName() + ".wal")).doesNotExist();
    assertThat(BuildMarker.of(orphan)).doesNotExist();
    assertThat(older).exists();
    assertThat(current).exists();
    assertThat(new Snapshots(snapshots()).current()).contains(current);
    assertThat(new UnpublishedBuilds(snapshots()).clear()).isEmpty();
  }

  @Test
  void clear_WhenTheRunDiedAfterPublishing_ThenTheCurrentSnapshotStaysAndOnlyTheMarkerGoes()
      throws Exception {
    Path current = publishOne(Instant.parse("2026-01-15T02:00:00Z"));
    Files.writeString(BuildMarker.of(current), "pid 99999\n");

    assertThat(new UnpublishedBuilds(snapshots()).clear()).isEmpty();

    assertThat(current).exists();
    assertThat(BuildMarker.of(current)).doesNotExist();
    assertThat(new Snapshots(snapshots()).current()).contains(current);
  }

  @Test
  void clear_WhenAnotherProcessIsStillBuilding_ThenItsBuildIsLeftAlone() throws Exception {
    Files.createDirectories(snapshots());
    Path building = snapshots().resolve("wds-20260116-020000.duckdb");
    Files.writeString(building, "being built");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                BuildingProcess.class.getName(),
                building.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("building");

      assertThat(new UnpublishedBuilds(snapshots()).clear()).isEmpty();
      assertThat(building).exists();
      assertThat(BuildMarker.of(building)).exists();

      process.destroyForcibly(); // the run dies: the kernel lets go of its lock
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(new UnpublishedBuilds(snapshots()).clear()).containsExactly(building);
      assertThat(building).doesNotExist();
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void clear_WhenThisProcessIsBuilding_ThenItsBuildIsLeftAlone() throws Exception {
    Files.createDirectories(snapshots());
    Path building = snapshots().resolve("wds-20260116-020000.duckdb");
    Files.writeString(building, "being built");
    try (BuildMarker marker = BuildMarker.take(building)) {
      assertThat(new UnpublishedBuilds(snapshots()).clear()).isEmpty();
      assertThat(building).exists();
    }
    assertThat(BuildMarker.of(building)).as("removed when the build ends").doesNotExist();
  }
}
