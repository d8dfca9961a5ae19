package wds.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wds demo}, then {@code wds query} and {@code wds status} on what it published. */
class NightlyDemoCommandTest {

  @TempDir Path tmp;

  @Test
  void demo_PublishesAWarehouseThatQueryAndStatusRead() {
    Path home = tmp.resolve("home");
    NightlyRuns.Run demo = NightlyRuns.wds("demo", "--home", home.toString(), "--persons", "400");
    assertThat(demo.exitCode()).as("demo exit code").isZero();
    assertThat(demo.output())
        .contains("The published warehouse is " + home.resolve("snapshots/current.duckdb"));
    assertThat(home.resolve("snapshots/current.duckdb")).exists();

    NightlyRuns.Run query =
        NightlyRuns.wds(
            "query",
            "--home",
            home.toString(),
            "--format",
            "csv",
            "select count(*) as n from indicator_value");
    assertThat(query.exitCode()).isZero();
    long rows =
        query.output().lines().filter(l -> l.matches("[0-9]+")).mapToLong(Long::parseLong).sum();
    assertThat(rows).as("indicator_value rows; output:\n%s", query.output()).isPositive();

    NightlyRuns.Run status = NightlyRuns.wds("status", "--home", home.toString());
    assertThat(status.exitCode()).isZero();
    assertThat(status.output()).contains("births", "population", "loaded");
  }
}
