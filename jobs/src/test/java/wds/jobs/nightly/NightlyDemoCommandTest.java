package wds.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.jobs.metrics.IndicatorCoverage;
import wds.warehouse.report.DigestEntry;
import wds.warehouse.report.ReportYears;
import wds.warehouse.report.WarningDigest;

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
  void demo_PrintsAtMost40LinesWithoutVerbose_AndStatusListsTheLatestCompleteYearsTenMostPressing()
      throws Exception {
    Path home = tmp.resolve("home");
    NightlyRuns.Run demo = NightlyRuns.wds("demo", "--home", home.toString(), "--persons", "1500");
    assertThat(demo.exitCode()).as("demo exit code; output:%n%s", demo.output()).isZero();
    // progress is one line per delivery and publish step (rewritten in place on a terminal, one
    // plain line here); the log stays in <home>/logs
    assertThat(demo.output().lines().count())
        .as("lines printed by the demo:%n%s", demo.output())
        .isLessThanOrEqualTo(40);
    assertThat(demo.output())
        .doesNotContain(" INFO ")
        .containsPattern("nightly completed: \\d+ deliveries loaded, 0 refused")
        .contains("every injected fault was caught with its reason");
    assertThat(home.resolve("logs/wds.log")).content().contains("event=extract_loaded");

    ReportYears years;
    WarningDigest digest;
    try (Connection snapshot = NightlyRuns.readOnly(home.resolve("snapshots/current.duckdb"))) {
      years = ReportYears.read(snapshot);
      digest = WarningDigest.read(snapshot, years.latestCompleteYear().orElseThrow());
    }
    int complete = digest.year();
    assertThat(years.provisional(complete)).isFalse();
    assertThat(years.lastDataYear())
        .as("the demo delivers part of a provisional year")
        .isGreaterThan(complete);
    assertThat(demo.output()).contains("AND year = " + complete + " ");
    // the metrics' "this year" is the same year, whatever the calendar says
    Path current = home.resolve("snapshots/current.duckdb");
    assertThat(IndicatorCoverage.ratioThisYear(current, complete + 1))
        .isEqualTo(IndicatorCoverage.ratio(current, complete))
        .isNotEqualTo(IndicatorCoverage.ratio(current, complete + 1));

    NightlyRuns.Run status = NightlyRuns.wds("status", "--home", home.toString());
    assertThat(status.exitCode()).isZero();
    assertThat(status.output())
        .contains("Warnings of " + complete + ", the plan's latest complete year")
        .contains("暂定 " + years.lastDataYear() + " (provisional");
    List<String> listed =
        status
            .output()
            .lines()
            .map(LISTED::matcher)
            .filter(Matcher::matches)
            .map(m -> m.group(1))
            .toList();
    assertThat(digest.entries()).as("the digest of %d", complete).isNotEmpty();
    assertThat(listed)
        .as("one line per indicator, ranked as the digest")
        .isEqualTo(digest.entries().stream().limit(10).map(DigestEntry::indicatorCode).toList());
  }

  private static final Pattern LISTED = Pattern.compile(" +\\d+\\. ([A-Z]\\d+) .*");

  @Test
  void demo_WhenTheFaultRateIsOutOfRange_ThenRefusedBeforeGenerating() {
    Path home = tmp.resolve("home");
    NightlyRuns.Run demo = NightlyRuns.wds("demo", "--home", home.toString(), "--bad-rows", "0.5");
    assertThat(demo.exitCode()).isEqualTo(2);
    assertThat(demo.output()).contains("--bad-rows must be between 0 and 0.2");
    assertThat(home.resolve("drop")).doesNotExist();
  }
}
