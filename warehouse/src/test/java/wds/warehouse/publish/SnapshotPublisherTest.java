package wds.warehouse.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static wds.warehouse.publish.TestDb.execute;
import static wds.warehouse.publish.TestDb.rows;
import static wds.warehouse.publish.TestDb.value;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotPublisherTest {

  @TempDir Path home;

  /** A clock that moves one second on every reading, so every build gets its own name. */
  static Clock ticking() {
    AtomicInteger ticks = new AtomicInteger();
    Instant start = Instant.parse("2025-02-01T02:00:00Z");
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return start.plusSeconds(ticks.getAndIncrement());
      }
    };
  }

  Path snapshots() {
    return home.resolve("snapshots");
  }

  Connection work() throws SQLException {
    return TestDb.workDatabase(home.resolve("work.duckdb"));
  }

  SnapshotPublisher publisher(int keep) {
    return new SnapshotPublisher(snapshots(), QualityGates.standard(), keep, ticking());
  }

  static SnapshotContent tableWithValue(int value) {
    return (work, catalog) ->
        execute(work, "CREATE TABLE " + catalog + ".main.dim_build AS SELECT " + value + " AS v");
  }

  @Test
  void publish_WhenGatesPass_ThenCurrentNamesTheNewSnapshotReadableReadOnly() throws Exception {
    try (Connection work = work()) {
      PublishResult result = publisher(7).publish(work, tableWithValue(1));

      assertThat(result.published()).isTrue();
      assertThat(result.failures()).isEmpty();
      Path link = snapshots().resolve("current.duckdb");
      assertThat(Files.isSymbolicLink(link)).isTrue();
      assertThat(Files.readSymbolicLink(link).toString()).isEqualTo("wds-20250201-020000.duckdb");
      assertThat(Files.readString(snapshots().resolve("CURRENT")).strip())
          .isEqualTo("wds-20250201-020000.duckdb");
      try (Connection reader = Snapshots.openReadOnly(link)) {
        assertThat(value(reader, "SELECT v FROM dim_build")).isEqualTo("1");
        assertThat(rows(reader, "SELECT source, rows_read FROM etl_delivery ORDER BY source"))
            .containsExactly("health|100", "hr|null");
        assertThat(value(reader, "SELECT sum(\"rows\") FROM etl_reject")).isEqualTo("3");
        assertThatThrownBy(() -> execute(reader, "CREATE TABLE x AS SELECT 1"))
            .hasMessageContaining("read-only");
      }
      assertThat(Files.exists(snapshots().resolve("wds-20250201-020000.duckdb.wal"))).isFalse();
    }
  }

  @Test
  void publish_WhenTwoBuildsShareASecond_ThenTheSecondGetsASequenceNumber() throws Exception {
    Clock fixed = Clock.fixed(Instant.parse("2025-02-01T02:00:00Z"), ZoneOffset.UTC);
    SnapshotPublisher publisher = new SnapshotPublisher(snapshots(), List.of(), 7, fixed);
    try (Connection work = work()) {
      publisher.publish(work, tableWithValue(1));
      PublishResult second = publisher.publish(work, tableWithValue(2));

      assertThat(second.snapshot().getFileName().toString())
          .isEqualTo("wds-20250201-020000-1.duckdb");
      assertThat(new Snapshots(snapshots()).current()).contains(second.snapshot());
    }
  }

  @Test
  void publish_WhileAReaderHoldsCurrent_ThenTheReaderKeepsOldDataAndANewReaderSeesTheNew()
      throws Exception {
    SnapshotPublisher publisher = publisher(7);
    try (Connection work = work()) {
      publisher.publish(work, tableWithValue(1));
      Path current = snapshots().resolve("current.duckdb");
      try (Connection reader = Snapshots.openReadOnly(current)) {
        assertThat(value(reader, "SELECT v FROM dim_build")).isEqualTo("1");

        PublishResult second =
            publisher.publish(
                work,
                (w, catalog) -> {
                  execute(w, "CREATE TABLE " + catalog + ".main.dim_build AS SELECT 2 AS v");
                  // Half-built: the reader is not blocked and still sees the published snapshot,
                  // and a reader opening current now gets the old one too.
                  assertThat(value(reader, "SELECT v FROM dim_build")).isEqualTo("1");
                  try (Connection late = Snapshots.openReadOnly(current)) {
                    assertThat(value(late, "SELECT v FROM dim_build")).isEqualTo("1");
                  }
                });

        assertThat(second.published()).isTrue();
        assertThat(value(reader, "SELECT v FROM dim_build")).isEqualTo("1");
        try (Connection fresh = Snapshots.openReadOnly(current)) {
          assertThat(value(fresh, "SELECT v FROM dim_build")).isEqualTo("2");
        }
      }
    }
  }

  @Test
  void publish_WhileAnotherProcessReadsCurrent_ThenThatProcessIsNeitherBlockedNorSeesHalfABuild()
      throws Exception {
    SnapshotPublisher publisher = publisher(7);
    try (Connection work = work()) {
      publisher.publish(work, tableWithValue(1));
      Path current = snapshots().resolve("current.duckdb");
      Process process =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  SnapshotReaderProcess.class.getName(),
                  current.toString())
              .redirectErrorStream(true)
              .start();
      try (BufferedReader out =
              new BufferedReader(
                  new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
          PrintWriter in =
              new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8)) {
        assertThat(out.readLine()).isEqualTo("held 1");

        PublishResult second =
            publisher.publish(
                work,
                (w, catalog) -> {
                  execute(w, "CREATE TABLE " + catalog + ".main.dim_build AS SELECT 2 AS v");
                  in.println("read");
                  try {
                    assertThat(out.readLine()).isEqualTo("held 1 new 1");
                  } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                  }
                });
        assertThat(second.published()).isTrue();

        in.println("read");
        assertThat(out.readLine()).isEqualTo("held 1 new 2");
        in.println("quit");
      }
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isZero();
    }
  }

  @Test
  void publish_WhenAGateFails_ThenThePreviousSnapshotStaysCurrentAndTheNewIsRejected()
      throws Exception {
    SnapshotPublisher publisher = publisher(7);
    try (Connection work = work()) {
      PublishResult first = publisher.publish(work, tableWithValue(1));
      execute(work, "UPDATE etl_delivery SET rows_loaded = 90 WHERE source = 'health'");

      PublishResult second = publisher.publish(work, tableWithValue(2));

      assertThat(second.published()).isFalse();
      assertThat(second.failures())
          .extracting(GateFailure::gate)
          .containsOnly("audit-reconciliation");
      assertThat(second.describeFailures())
          .contains("health/births delivered 2025-01-31: rows_read 100 <> rows_loaded 90");
      assertThat(second.snapshot().getFileName().toString())
          .isEqualTo("wds-20250201-020001.duckdb.rejected");
      assertThat(Files.exists(second.snapshot())).isTrue();
      assertThat(Files.exists(snapshots().resolve("wds-20250201-020001.duckdb"))).isFalse();
      Snapshots folder = new Snapshots(snapshots());
      assertThat(folder.current()).contains(first.snapshot());
      assertThat(Files.readString(folder.currentFile()).strip())
          .isEqualTo(first.snapshot().getFileName().toString());
      try (Connection reader = folder.openCurrent()) {
        assertThat(value(reader, "SELECT v FROM dim_build")).isEqualTo("1");
      }
    }
  }

  @Test
  void publish_WhenTheContentThrows_ThenTheHalfBuiltFileIsRemovedAndCurrentUnchanged()
      throws Exception {
    SnapshotPublisher publisher = publisher(7);
    try (Connection work = work()) {
      PublishResult first = publisher.publish(work, tableWithValue(1));

      assertThatThrownBy(
              () ->
                  publisher.publish(
                      work,
                      (w, catalog) ->
                          execute(w, "CREATE TABLE " + catalog + ".main.x AS SELECT nope")))
          .isInstanceOf(SQLException.class);

      assertThat(new Snapshots(snapshots()).published())
          .extracting(SnapshotName::fileName)
          .containsExactly(first.snapshot().getFileName().toString());
      assertThat(new Snapshots(snapshots()).current()).contains(first.snapshot());
      // The writer can build again: the failed catalog was detached.
      assertThat(publisher.publish(work, tableWithValue(3)).published()).isTrue();
    }
  }

  @Test
  void publish_WhenMoreThanKeepArePublished_ThenOnlyTheNewestKeepRemain() throws Exception {
    SnapshotPublisher publisher = publisher(3);
    try (Connection work = work()) {
      for (int i = 1; i <= 5; i++) {
        publisher.publish(work, tableWithValue(i));
      }
    }
    Snapshots folder = new Snapshots(snapshots());
    assertThat(folder.published())
        .extracting(SnapshotName::fileName)
        .containsExactly(
            "wds-20250201-020002.duckdb",
            "wds-20250201-020003.duckdb",
            "wds-20250201-020004.duckdb");
    assertThat(folder.current().orElseThrow().getFileName().toString())
        .isEqualTo("wds-20250201-020004.duckdb");
  }

  @Test
  void prune_WhenCurrentWasRolledBackToAnOldSnapshot_ThenCurrentIsNeverRemoved() throws Exception {
    try (Connection work = work()) {
      SnapshotPublisher publisher = publisher(3);
      for (int i = 1; i <= 3; i++) {
        publisher.publish(work, tableWithValue(i));
      }
    }
    // The operator rolls back to the oldest snapshot by pointing current at it.
    AtomicLink.pointTo(snapshots().resolve("current.duckdb"), "wds-20250201-020000.duckdb");

    new SnapshotPublisher(snapshots(), List.of(), 1, ticking()).prune();

    Snapshots folder = new Snapshots(snapshots());
    assertThat(folder.published())
        .extracting(SnapshotName::fileName)
        .containsExactly("wds-20250201-020000.duckdb", "wds-20250201-020002.duckdb");
    try (Connection reader = folder.openCurrent()) {
      assertThat(value(reader, "SELECT v FROM dim_build")).isEqualTo("1");
    }
  }

  @Test
  void openCurrent_WhenNothingWasPublished_ThenSaysSo() {
    assertThatThrownBy(() -> new Snapshots(snapshots()).openCurrent())
        .isInstanceOf(NoSnapshotException.class)
        .hasMessageContaining("no warehouse snapshot has been published yet");
  }
}
