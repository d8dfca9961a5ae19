package wds.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.jobs.WdsHome;
import wds.jobs.publish.PublishedInputs;
import wds.pipeline.synthetic.CountyGenerator;
import wds.pipeline.synthetic.GeneratorSettings;

/**
 * A night keeps the last publication only when nothing it is made from has changed, and publishes
 * again when anything has: a row of the operational layer changed behind the audit's back, a
 * publish setting, a record that names another snapshot than the current one.
 */
class NightlyUnchangedInputsTest {

  @TempDir static Path tmp;

  static Path home;
  static Path drop;
  static NightlyRuns.Run first;

  @BeforeAll
  static void firstNight() throws Exception {
    home = tmp.resolve("home");
    drop = tmp.resolve("drop");
    CountyGenerator.generate(GeneratorSettings.defaults().withPersons(600).withSeed(3), drop);
    NightlyRuns.secret(home);
    first = NightlyRuns.nightly(home, drop);
  }

  static Path current() throws Exception {
    return home.resolve("snapshots/current.duckdb").toRealPath();
  }

  static PublishedInputs.Published record() {
    return PublishedInputs.read(new WdsHome(home)).orElseThrow();
  }

  @Test
  void nights_WhenNothingChangedThenWhenSomethingDid_KeepOrPublishAsTheirInputsSay()
      throws Exception {
    assertThat(first.exitCode()).as(first.output()).isZero();
    Path published = current();
    assertThat(record().snapshot()).isEqualTo(published.getFileName().toString());
    Path feed = home.resolve("public/indicator_value.csv");
    FileTime feedWritten = Files.getLastModifiedTime(feed);

    // the same drop again: every delivery was loaded before, nothing is built or written
    NightlyRuns.Run same = NightlyRuns.nightly(home, drop);
    assertThat(same.exitCode()).as(same.output()).isZero();
    assertThat(same.output())
        .contains("publish: nothing changed since " + published.getFileName() + " was published")
        .doesNotContain("publish: lake")
        .doesNotContain("publish: reports");
    assertThat(current()).isEqualTo(published);
    assertThat(Files.getLastModifiedTime(feed)).isEqualTo(feedWritten);
    assertThat(Files.list(home.resolve("snapshots")).filter(f -> f.toString().endsWith(".duckdb")))
        .as("no new snapshot file")
        .hasSize(2); // the published one and the current.duckdb link

    // one value of one row changed behind the audit's back: same row counts, new contents
    try (Connection work =
            DriverManager.getConnection("jdbc:duckdb:" + home.resolve("warehouse/work.duckdb"));
        Statement s = work.createStatement()) {
      assertThat(
              s.executeUpdate(
                  "UPDATE ods_health__births SET updated_at = updated_at + INTERVAL 1 SECOND"
                      + " WHERE rowid = (SELECT min(rowid) FROM ods_health__births)"))
          .isEqualTo(1);
    }
    NightlyRuns.Run edited = NightlyRuns.nightly(home, drop);
    assertThat(edited.exitCode()).as(edited.output()).isZero();
    assertThat(edited.output()).contains("built, gated and published");
    Path afterEdit = current();
    assertThat(afterEdit).isNotEqualTo(published);
    assertThat(record().snapshot()).isEqualTo(afterEdit.getFileName().toString());

    // a publish setting changed: the feed's township age bands
    System.setProperty("wds.publish.township-age-bands", "0-19,20-59,60+");
    NightlyRuns.Run otherBands;
    try {
      otherBands = NightlyRuns.nightly(home, drop);
    } finally {
      System.clearProperty("wds.publish.township-age-bands");
    }
    assertThat(otherBands.exitCode()).as(otherBands.output()).isZero();
    assertThat(otherBands.output()).contains("built, gated and published");
    Path withOtherBands = current();
    assertThat(withOtherBands).isNotEqualTo(afterEdit);

    // back to the default bands: the inputs differ from the last publication's again
    NightlyRuns.Run defaultBands = NightlyRuns.nightly(home, drop);
    assertThat(defaultBands.output()).contains("built, gated and published");
    Path withDefaultBands = current();

    // a record naming another snapshot than the current one (a publication not made whole)
    PublishedInputs.write(
        new WdsHome(home),
        new PublishedInputs.Published("wds-19700101-000000.duckdb", record().inputs()));
    NightlyRuns.Run notWhole = NightlyRuns.nightly(home, drop);
    assertThat(notWhole.output()).contains("built, gated and published");
    assertThat(current()).isNotEqualTo(withDefaultBands);

    // and once the record is whole again, the next night keeps it
    NightlyRuns.Run kept = NightlyRuns.nightly(home, drop);
    assertThat(kept.output()).contains("publish: nothing changed since " + current().getFileName());
  }
}
