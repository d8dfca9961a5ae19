package wds.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static wds.jobs.nightly.NightlyRuns.query;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.pipeline.synthetic.CountyGenerator;
import wds.pipeline.synthetic.GeneratorSettings;
import wds.schemas.ExtractSchema;
import wds.schemas.SchemaCatalog;

/**
 * Four nights in a row on one home: the full county, the next night's delta (while an analyst keeps
 * the published snapshot open and queries it), a night with nothing new, then the same night again
 * with {@code --full}.
 */
class NightlyJobNextNightsTest {

  /** What the analyst asks the snapshot, again and again. */
  static final String QUESTION =
      "SELECT (SELECT count(*) FROM etl_delivery), (SELECT count(*) FROM fact_births),"
          + " (SELECT count(*) FROM indicator_value), (SELECT sum(value) FROM indicator_value)";

  @TempDir static Path tmp;

  static Path home;
  static Path delta;
  static int[] exitCodes = new int[4];
  static Path first;
  static Path second;
  static Path third;
  static String thirdOutput;
  static Path fourth;
  static List<Object> answerBefore;
  static final List<List<Object>> answersDuring = new ArrayList<>();
  static long slowestAnswerMillis;
  static List<Object> answerAfterFromTheSameReader;
  static List<Object> answerOfANewReader;

  @BeforeAll
  static void threeNights() throws Exception {
    home = tmp.resolve("home");
    Path full = tmp.resolve("drop-full");
    delta = tmp.resolve("drop-delta");
    CountyGenerator.generate(GeneratorSettings.defaults().withPersons(1_200).withSeed(5), full);
    CountyGenerator.generateDelta(full, delta, null, 0.0);
    NightlyRuns.secret(home);

    exitCodes[0] = NightlyRuns.nightly(home, full).exitCode();
    first = current().toRealPath();

    try (Connection reader = NightlyRuns.readOnly(current())) {
      answerBefore = query(reader, QUESTION).get(0);
      CompletableFuture<Integer> night =
          CompletableFuture.supplyAsync(
              () ->
                  NightlyRuns.wdsUncaptured(
                      "nightly", "--home", home.toString(), "--drop", delta.toString()));
      while (!night.isDone() || answersDuring.isEmpty()) {
        long t0 = System.nanoTime();
        answersDuring.add(query(reader, QUESTION).get(0));
        slowestAnswerMillis = Math.max(slowestAnswerMillis, (System.nanoTime() - t0) / 1_000_000);
        Thread.sleep(100);
      }
      exitCodes[1] = night.get();
      answerAfterFromTheSameReader = query(reader, QUESTION).get(0);
    }
    second = current().toRealPath();
    try (Connection newReader = NightlyRuns.readOnly(current())) {
      answerOfANewReader = query(newReader, QUESTION).get(0);
    }

    NightlyRuns.Run thirdNight = NightlyRuns.nightly(home, delta);
    exitCodes[2] = thirdNight.exitCode();
    thirdOutput = thirdNight.output();
    third = current().toRealPath();

    exitCodes[3] =
        NightlyRuns.wds("nightly", "--full", "--home", home.toString(), "--drop", delta.toString())
            .exitCode();
    fourth = current().toRealPath();
  }

  static Path current() {
    return home.resolve("snapshots/current.duckdb");
  }

  @Test
  void everyNight_ExitsZero() {
    assertThat(exitCodes).containsExactly(0, 0, 0, 0);
  }

  @Test
  void secondNight_PublishesANewSnapshotFile_AndThePreviousOneStaysReadable() throws Exception {
    assertThat(second).isNotEqualTo(first);
    assertThat(first).exists();
    try (Connection old = NightlyRuns.readOnly(first)) {
      assertThat(query(old, QUESTION).get(0)).isEqualTo(answerBefore);
    }
  }

  @Test
  void secondNight_ReflectsTheDeltasUpdatesAndTombstones() throws Exception {
    DeliveryFiles files = new DeliveryFiles(delta);
    int tombstones = 0;
    int live = 0;
    SoftAssertions soft = new SoftAssertions();
    try (Connection before = NightlyRuns.readOnly(first);
        Connection after = NightlyRuns.readOnly(second)) {
      for (ExtractSchema schema : SchemaCatalog.load().all()) {
        String fact = "fact_" + schema.extract();
        List<String> columns =
            query(
                    after,
                    "SELECT column_name FROM information_schema.columns WHERE table_name = '"
                        + fact
                        + "'")
                .stream()
                .map(r -> (String) r.get(0))
                .toList();
        if (!schema.hasDeletedFlag() || !columns.containsAll(schema.primaryKey())) {
          continue; // the fact does not keep the record's key (or the extract has no tombstones)
        }
        String where =
            String.join(
                " AND ",
                schema.primaryKey().stream().map(k -> "\"" + k + "\"::varchar = ?").toList());
        for (DeliveryFiles.Row row : files.rows(schema.source(), schema.extract())) {
          boolean tombstone = row.get("deleted").equals("Y");
          String what = schema.extract() + " " + row.file() + ":" + row.line();
          if (tombstone) {
            tombstones++;
            soft.assertThat(rows(after, fact, where, schema, row))
                .as("tombstoned %s still in %s", what, fact)
                .isZero();
            if (schema.extract().equals("births")) {
              soft.assertThat(rows(before, fact, where, schema, row))
                  .as("tombstoned birth %s was counted the night before", what)
                  .isOne();
            }
          } else {
            live++;
            // present (a fact may hold one row per person of the record: marriages, per party)
            soft.assertThat(rows(after, fact, where, schema, row))
                .as("updated or new %s in %s", what, fact)
                .isPositive();
          }
        }
      }
    }
    soft.assertAll();
    assertThat(tombstones).as("tombstones in the delta").isPositive();
    assertThat(live).as("live records in the delta").isPositive();
  }

  @Test
  void readerDuringTheNight_IsNeverBlockedAndKeepsItsAnswers_ANewReaderSeesTheNewSnapshot()
      throws Exception {
    assertThat(answersDuring).isNotEmpty().allMatch(answerBefore::equals);
    assertThat(slowestAnswerMillis).as("slowest answer during the night, ms").isLessThan(5_000);
    assertThat(answerAfterFromTheSameReader).isEqualTo(answerBefore);
    try (Connection direct = NightlyRuns.readOnly(second)) {
      assertThat(answerOfANewReader).isEqualTo(query(direct, QUESTION).get(0));
    }
    // the delta added deliveries to the audit: the new reader is not reading the old file
    assertThat(((Number) answerOfANewReader.get(0)).longValue())
        .isGreaterThan(((Number) answerBefore.get(0)).longValue());
  }

  @Test
  void thirdNight_WithNothingNew_KeepsTheSecondPublicationAndSaysSo() {
    assertThat(third).isEqualTo(second);
    assertThat(thirdOutput)
        .contains("publish: nothing changed since " + second.getFileName() + " was published")
        .doesNotContain("built, gated and published");
  }

  @Test
  void fourthNight_WithNothingNewAndFull_PublishesTheSameTableContents() throws Exception {
    assertThat(fourth).isNotEqualTo(second);
    assertThat(checksums(fourth)).isEqualTo(checksums(second));
  }

  /** count and sum of row hashes of every table but the load audit (it holds run timestamps). */
  private static Map<String, String> checksums(Path snapshot) throws Exception {
    Map<String, String> sums = new TreeMap<>();
    try (Connection c = NightlyRuns.readOnly(snapshot)) {
      String catalog = (String) query(c, "SELECT current_database()").get(0).get(0);
      for (String table : NightlyRuns.tables(c, catalog)) {
        if (table.startsWith("etl_")) {
          continue;
        }
        sums.put(
            table,
            String.valueOf(
                query(c, "SELECT count(*), sum(hash(_row)) FROM \"" + table + "\" AS _row")
                    .get(0)));
      }
    }
    assertThat(sums).containsKeys("fact_births", "indicator_value", "mart_sex_age");
    return sums;
  }

  private static long rows(
      Connection c, String fact, String where, ExtractSchema schema, DeliveryFiles.Row row)
      throws Exception {
    try (PreparedStatement st =
        c.prepareStatement("SELECT count(*) FROM \"" + fact + "\" WHERE " + where)) {
      for (int i = 0; i < schema.primaryKey().size(); i++) {
        st.setString(i + 1, row.get(schema.primaryKey().get(i)));
      }
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
