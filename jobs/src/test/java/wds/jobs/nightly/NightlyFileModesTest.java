package wds.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.pipeline.synthetic.CountyGenerator;
import wds.pipeline.synthetic.GeneratorSettings;

/**
 * The file modes a nightly run leaves in its home (issue 9): operator-only state, work database and
 * quarantine; snapshots and lake readable by the home's group; a public folder holding the feed and
 * nothing else.
 */
class NightlyFileModesTest {

  @TempDir static Path tmp;
  static Path home;

  @BeforeAll
  static void aNightlyRun() throws Exception {
    home = tmp.resolve("home");
    Path drop = tmp.resolve("drop");
    CountyGenerator.generate(
        GeneratorSettings.defaults().withPersons(2_000).withSeed(5).withBadRowRate(0.005), drop);
    NightlyRuns.secret(home);
    NightlyRuns.Run run = NightlyRuns.nightly(home, drop);
    assertThat(run.exitCode()).as(run.output()).isIn(0, 2);
  }

  static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(
        Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
  }

  /** Every regular file and folder under {@code root}, links not followed. */
  static List<Path> tree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(p -> !Files.isSymbolicLink(p)).toList();
    }
  }

  static void assertModes(Path root, String folder, String file) throws IOException {
    List<Path> paths = tree(root);
    assertThat(paths).as("files under %s", root).hasSizeGreaterThan(1);
    for (Path path : paths) {
      assertThat(mode(path))
          .as(home.relativize(path).toString())
          .isEqualTo(Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? folder : file);
    }
  }

  @Test
  void nightly_WhenDone_ThenTheWorkDatabaseAndTheJobRepositoryAreOperatorOnly() throws Exception {
    assertThat(home.resolve("warehouse/work.duckdb")).exists();
    assertThat(home.resolve("state/jobrepo.mv.db")).exists();
    assertModes(home.resolve("warehouse"), "rwx------", "rw-------");
    assertModes(home.resolve("state"), "rwx------", "rw-------");
    assertModes(home.resolve("quarantine"), "rwx------", "rw-------");
  }

  @Test
  void nightly_WhenDone_ThenSnapshotsAndTheLakeAreReadableByTheGroupOnly() throws Exception {
    assertThat(home.resolve("snapshots/current.duckdb")).exists();
    assertModes(home.resolve("snapshots"), "rwxr-x---", "rw-r-----");
    assertModes(home.resolve("reports"), "rwxr-x---", "rw-r-----");
    assertModes(home.resolve("lake.d"), "rwxr-x---", "rw-r-----");
    assertThat(tree(home.resolve("lake.d")))
        .anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
  }

  @Test
  void nightly_WhenDone_ThenThePublicFolderHoldsTheFeedAndThePublicReportsAndNothingElse()
      throws Exception {
    Path feed = home.resolve("public").toRealPath();
    try (Stream<Path> files = Files.list(feed)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted())
          .containsExactly(
              "indicator_value.csv",
              "indicator_value.parquet",
              "mart_sex_age.csv",
              "mart_sex_age.parquet",
              "reports");
    }
    try (Stream<Path> reports = Files.list(feed.resolve("reports"))) {
      assertThat(reports.map(f -> f.getFileName().toString()))
          .isNotEmpty()
          .allSatisfy(name -> assertThat(name).matches("(annual|midterm|final)-\\d{4}"));
    }
    assertModes(home.resolve("public.d"), "rwxr-xr-x", "rw-r--r--");
  }
}
