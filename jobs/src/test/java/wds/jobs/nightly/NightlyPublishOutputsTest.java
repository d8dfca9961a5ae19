package wds.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.pipeline.synthetic.CountyGenerator;
import wds.pipeline.synthetic.GeneratorSettings;

/**
 * The lake is written beside the feed and the reports (PublishJobConfiguration#publishOutputs): a
 * lake that cannot be written fails the night, and the feed and reports of the published snapshot
 * are written all the same.
 */
class NightlyPublishOutputsTest {

  @TempDir Path tmp;

  @Test
  void nightly_WhenTheLakeCannotBeWritten_ThenTheNightFailsAndTheFeedAndReportsAreWritten()
      throws Exception {
    Path home = tmp.resolve("home");
    Path drop = tmp.resolve("drop");
    CountyGenerator.generate(GeneratorSettings.defaults().withPersons(1_500).withSeed(11), drop);
    NightlyRuns.secret(home);
    // the lake's versions live in <home>/lake.d: a file there leaves it nowhere to write
    Files.writeString(home.resolve("lake.d"), "not a folder");

    NightlyRuns.Run run = NightlyRuns.nightly(home, drop);

    assertThat(run.exitCode()).as(run.output()).isNotZero();
    assertThat(home.resolve("snapshots/current.duckdb")).as("published snapshot").exists();
    try (Stream<Path> lake = Files.walk(home.resolve("lake"))) {
      assertThat(lake.filter(p -> p.toString().endsWith(".parquet"))).as("lake files").isEmpty();
    }
    assertThat(home.resolve("public/indicator_value.csv")).as("public feed").exists();
    assertThat(home.resolve("public/reports")).as("public reports").isDirectory();
    assertThat(home.resolve("reports/current")).as("internal reports").exists();
  }
}
