package wds.pipeline.load;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.pipeline.synthetic.CountyGenerator;
import wds.pipeline.synthetic.GeneratorSettings;

/**
 * Issue 9, finding 7, through the whole load of a generated county: the values that used to load (a
 * NUL in {@code cert_no}, {@code "1\r\n"} in a code, an identity number with a trailing line break,
 * ANSI escapes in an area name, an {@code updated_at} of 2099) are each rejected with their reason
 * at their line, and every file still reconciles.
 */
class DeliveredValuesTest {

  @TempDir Path home;

  @Test
  void eachDeliveredValueCase_isRejectedWithItsReasonAtItsLine() throws Exception {
    Path drop = home.resolve("drop");
    CountyGenerator.generate(GeneratorSettings.defaults().withPersons(300), drop);
    Path births = DropEdits.file(drop.resolve("health"), "births");
    Path areas = DropEdits.file(drop.resolve("population"), "areas");
    var utf8 = StandardCharsets.UTF_8;
    Map<Long, String> expected = new TreeMap<>();
    expected.put(DropEdits.setValue(births, utf8, 0, "cert_no", "B\u0000X"), "MALFORMED_ROW");
    expected.put(DropEdits.setValue(births, utf8, 1, "child_sex", "1\r\n"), "BAD_CODE");
    String id = value(births, 2, "mother_id_number");
    expected.put(
        DropEdits.setValue(births, utf8, 2, "mother_id_number", id + "\n"), "BAD_ID_FORMAT");
    expected.put(
        DropEdits.setValue(births, utf8, 3, "updated_at", "2099-01-01T00:00:00"), "FUTURE_DATE");
    expected.put(DropEdits.setValue(births, utf8, 4, "delivery_mode", " 1"), "BAD_CODE");
    // the areas file has a BOM; its last row is a village that few records name
    int last = records(areas) - 1;
    long areaLine = DropEdits.setValue(areas, utf8, last, "name", "\u001b[2J\u001b[31m假村\u001b[0m");

    try (LoaderFixture fx = new LoaderFixture(home)) {
      List<DeliveryResult> results = fx.loadAll();

      assertThat(results)
          .extracting(DeliveryResult::outcome)
          .containsOnly(DeliveryResult.Outcome.LOADED);
      Map<Long, String> rejected =
          quarantined(home.resolve("quarantine/health/20260115/births.csv"));
      assertThat(rejected).containsAllEntriesOf(expected);
      // beside them only the births in the village whose row was rejected: its code is unknown
      rejected.keySet().removeAll(expected.keySet());
      assertThat(rejected.values()).allMatch("UNKNOWN_AREA"::equals);
      assertThat(quarantined(home.resolve("quarantine/population/20260115/areas.csv")))
          .containsExactlyEntriesOf(Map.of(areaLine, "MALFORMED_ROW"));
      assertThat(
              fx.rows(
                  "SELECT reason, rows FROM etl_reject WHERE extract = 'births'"
                      + " AND reason <> 'UNKNOWN_AREA' ORDER BY reason"))
          .containsExactly(
              List.of("BAD_CODE", "2"),
              List.of("BAD_ID_FORMAT", "1"),
              List.of("FUTURE_DATE", "1"),
              List.of("MALFORMED_ROW", "1"));
      assertThat(
              fx.count(
                  "SELECT count(*) FROM etl_delivery WHERE rows_read <> rows_loaded + rows_rejected"))
          .isZero();
      assertThat(fx.count("SELECT count(*) FROM ods_population__areas WHERE name LIKE '%假村%'"))
          .isZero();
      assertThat(
              fx.count(
                  "SELECT count(*) FROM ods_health__births WHERE updated_at > TIMESTAMP '2026-01-16 00:00:00'"))
          .isZero();
    }
  }

  private static String value(Path file, int index, String column) throws Exception {
    try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file)) {
      List<CsvRecord> all = csv.stream().toList();
      return all.get(index + 1).getField(all.get(0).getFields().indexOf(column));
    }
  }

  private static int records(Path file) throws Exception {
    try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file)) {
      return (int) csv.stream().count() - 1;
    }
  }

  /** Line to reason of every quarantined row. */
  private static Map<Long, String> quarantined(Path file) throws Exception {
    Map<Long, String> reasons = new TreeMap<>();
    List<CsvRecord> rows = new ArrayList<>();
    try (CsvReader<CsvRecord> csv =
        CsvReader.builder().allowExtraFields(true).allowMissingFields(true).ofCsvRecord(file)) {
      csv.stream().skip(1).forEach(rows::add);
    }
    for (CsvRecord r : rows) {
      reasons.put(Long.parseLong(r.getField(4)), r.getField(5));
    }
    return reasons;
  }
}
