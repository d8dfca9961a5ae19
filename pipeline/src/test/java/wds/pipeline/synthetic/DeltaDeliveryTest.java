package wds.pipeline.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The next night's delta: updates, unchanged re-deliveries, tombstones and new events. */
class DeltaDeliveryTest {

  static final LocalDate FIRST = LocalDate.of(2026, 1, 15);
  static final LocalDate NEXT = FIRST.plusDays(1);

  @TempDir static Path tmp;
  static GenerationSummary delta;

  @BeforeAll
  static void generate() {
    CountyGenerator.generate(GeneratorSettings.defaults().withPersons(5_000), tmp.resolve("full"));
    delta = CountyGenerator.generateDelta(tmp.resolve("full"), tmp.resolve("delta"), null, null);
  }

  @Test
  void theDeltaIsTheNextDayAndEveryFileSaysDeltaButTheAreaSnapshot() throws IOException {
    assertThat(delta.settings().date()).isEqualTo(NEXT);
    assertThat(delta.previousDate()).isEqualTo(FIRST);
    var json = JsonMapper.builder().build();
    for (String source : List.of("population", "health", "education", "civil", "hr", "reports")) {
      JsonNode m =
          json.readTree(
              tmp.resolve("delta").resolve(source).resolve("manifest_20260116.json").toFile());
      for (JsonNode f : m.get("files")) {
        String expected = f.get("extract").asString().equals("areas") ? "full" : "delta";
        assertThat(f.get("mode").asString()).isEqualTo(expected);
      }
    }
  }

  @Test
  void theDeltaUpdatesResendsTombstonesAndAddsRecords() {
    int updated = 0;
    int unchanged = 0;
    int tombstones = 0;
    int added = 0;
    for (Extract e : Extract.values()) {
      if (e.reference()) {
        continue;
      }
      Map<String, Map<String, String>> before = new HashMap<>();
      for (Map<String, String> r :
          Deliveries.rows(tmp.resolve("full"), e.source(), e.extractName(), FIRST)) {
        before.put(e.key(values(e, r)), r);
      }
      for (Map<String, String> r :
          Deliveries.rows(tmp.resolve("delta"), e.source(), e.extractName(), NEXT)) {
        Map<String, String> old = before.get(e.key(values(e, r)));
        if (r.get("deleted").equals("Y")) {
          tombstones++;
          assertThat(old).as("a tombstone removes a record delivered before").isNotNull();
        } else if (old == null) {
          added++;
        } else if (old.equals(r)) {
          unchanged++;
        } else {
          updated++;
          assertThat(r.get("updated_at")).isGreaterThan(old.get("updated_at"));
        }
      }
    }
    assertThat(updated).isPositive();
    assertThat(unchanged).isPositive();
    assertThat(tombstones).isPositive();
    assertThat(added).isPositive();
  }

  @Test
  void theDeltaCarriesEventsOfTheNewDayAndNothingLater() {
    int today = 0;
    for (Extract e :
        List.of(
            Extract.EMPLOYMENT,
            Extract.INSURANCE,
            Extract.ASSISTANCE,
            Extract.PREGNANCIES,
            Extract.BIRTHS)) {
      for (Map<String, String> r :
          Deliveries.rows(tmp.resolve("delta"), e.source(), e.extractName(), NEXT)) {
        assertThat(r.get("updated_at").substring(0, 10)).isLessThanOrEqualTo("2026-01-16");
        today += r.values().contains("2026-01-16") ? 1 : 0;
      }
    }
    assertThat(today).isPositive();
  }

  @Test
  void aDeltaFollowsADelta() {
    GenerationSummary third =
        CountyGenerator.generateDelta(tmp.resolve("delta"), tmp.resolve("third"), null, null);
    assertThat(third.settings().date()).isEqualTo(NEXT.plusDays(1));
    assertThat(third.rows()).isPositive();
  }

  private static String[] values(Extract e, Map<String, String> row) {
    String[] v = new String[e.width()];
    for (int i = 0; i < v.length; i++) {
      v[i] = row.getOrDefault(e.schema().columns().get(i).name(), "");
    }
    return v;
  }
}
