package wds.pipeline.load;

import static org.assertj.core.api.Assertions.assertThat;
import static wds.pipeline.load.Rows.AREAS;
import static wds.pipeline.load.Rows.ASSISTANCE;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: loading any sequence of deliveries twice leaves the operational layer exactly as
 * loading it once, and replaying every older delivery afterwards changes nothing.
 */
class LoadTwiceTest {

  static final LocalDate FIRST = LocalDate.of(2025, 3, 1);

  static LongStream seeds() {
    return LongStream.range(1, 16);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void loadingEveryDeliveryTwice_equalsLoadingItOnce(
      long seed, @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    String once;
    try (LoaderFixture a = new LoaderFixture(tmp.resolve("once"))) {
      write(a.drop, seed);
      a.loadAll();
      once = a.odsContents();
      // forget what was loaded and replay every delivery, oldest first, over the final state
      a.connection().createStatement().execute("DELETE FROM etl_delivery");
      a.loadAll();
      assertThat(a.odsContents()).as("replaying every delivery").isEqualTo(once);
    }
    try (LoaderFixture b = new LoaderFixture(tmp.resolve("twice"))) {
      write(b.drop, seed);
      for (Delivery d : new DropFolder(b.drop.root()).deliveries(LoaderFixture.CATALOG.sources())) {
        b.loader.load(d);
        b.connection().createStatement().execute("DELETE FROM etl_delivery");
        b.loader.load(d);
      }
      assertThat(b.odsContents()).as("each delivery loaded twice in a row").isEqualTo(once);
    }
  }

  /** Four nights of random assistance deltas and full files over a small pool of cases. */
  static void write(TestDrop drop, long seed) {
    Random random = new Random(seed);
    drop.delivery("population", FIRST)
        .file("areas", "full", AREAS, Rows.areas("2025-01-01T00:00:00"))
        .write();
    for (int night = 0; night < 4; night++) {
      LocalDate date = FIRST.plusDays(night);
      boolean full = random.nextInt(4) == 0;
      List<String> rows = new ArrayList<>();
      for (int k = 0; k < 8; k++) {
        if (!full && random.nextInt(3) == 0 || full && random.nextInt(5) == 0) {
          continue;
        }
        LocalDateTime updated =
            date.atStartOfDay().minusHours(1 + random.nextInt(4 * 24)).withMinute(0);
        String amount = Integer.toString(100 + 10 * random.nextInt(3));
        String deleted = random.nextInt(6) == 0 ? "Y" : random.nextBoolean() ? "N" : "";
        String row = Rows.case_("C" + k, k, amount, updated.toString() + ":00", deleted);
        rows.add(row);
        int twist = random.nextInt(10);
        if (twist == 0) {
          rows.add(row); // identical repeat
        } else if (twist == 1) {
          rows.add(row.replace("," + amount + ",", ",999,")); // same key, different content
        } else if (twist == 2) {
          rows.add(row.replace("dibao_rural", "no_such_program")); // rejected BAD_CODE
        }
      }
      drop.delivery("civil", date)
          .file("assistance", full ? "full" : "delta", ASSISTANCE, rows.toArray(String[]::new))
          .write();
    }
  }
}
