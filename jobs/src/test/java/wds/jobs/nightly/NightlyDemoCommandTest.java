package wds.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wds demo}, then {@code wds query} and {@code wds status} on what it published. */
class NightlyDemoCommandTest {

  @TempDir Path tmp;

  @Test
  void demo_PublishesAWarehouseThatQueryAndStatusRead() {
    Path home = tmp.resolve("home");
    NightlyRuns.Run demo =
        NightlyRuns.wds(
            "demo", "--home", home.toString(), "--persons", "400", "--bad-rows", "0.02");
    assertThat(demo.exitCode()).as("demo exit code; output:%n%s", demo.output()).isZero();
    Matcher faults =
        Pattern.compile("the generator made ([\\d,]+) rows faulty .*; the load rejected ([\\d,]+):")
            .matcher(demo.output());
    assertThat(faults.find()).as("the fault report in:%n%s", demo.output()).isTrue();
    assertThat(faults.group(1)).isNotEqualTo("0").isEqualTo(faults.group(2));
    assertThat(demo.output())
        .contains("every injected fault was caught with its reason")
        .doesNotContain("<- differs");
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

  @Test
  void demo_WhenTheFaultRateIsOutOfRange_ThenRefusedBeforeGenerating() {
    Path home = tmp.resolve("home");
    NightlyRuns.Run demo = NightlyRuns.wds("demo", "--home", home.toString(), "--bad-rows", "0.5");
    assertThat(demo.exitCode()).isEqualTo(2);
    assertThat(demo.output()).contains("--bad-rows must be between 0 and 0.2");
    assertThat(home.resolve("drop")).doesNotExist();
  }
}
