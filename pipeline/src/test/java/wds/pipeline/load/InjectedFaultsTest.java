package wds.pipeline.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.pipeline.synthetic.CountyGenerator;
import wds.pipeline.synthetic.GeneratorSettings;

/**
 * The generator's faulty rows (every kind, {@code --bad-rows}) against the loader: every injected
 * fault is caught with its reason and line, nothing else is rejected, and every file reconciles.
 */
class InjectedFaultsTest {

  @TempDir Path home;
  @TempDir Path clean;

  /** The indicator codes the departments report: those of the same county's faultless delivery. */
  private Set<String> indicatorCodes(GeneratorSettings settings) throws Exception {
    CountyGenerator.generate(settings, clean);
    Set<String> codes = new TreeSet<>();
    try (var reader =
        wds.pipeline.read.RecordReaders.open(
            clean.resolve(
                "reports/indicator_reports_"
                    + settings.date().format(Delivery.BASIC_DATE)
                    + ".csv"),
            java.nio.charset.StandardCharsets.UTF_8)) {
      int column = reader.header().indexOf("indicator_code");
      for (var r = reader.next(); r != null; r = reader.next()) {
        codes.add(r.values()[column]);
      }
    }
    return codes;
  }

  @Test
  void everyInjectedFault_isRejectedWithItsReason_andEveryFileReconciles() throws Exception {
    Path drop = home.resolve("drop");
    GeneratorSettings settings = GeneratorSettings.defaults().withPersons(1500);
    CountyGenerator.generate(settings.withBadRowRate(0.02), drop);
    try (LoaderFixture fx = new LoaderFixture(home, LoadListener.NONE, indicatorCodes(settings))) {
      List<DeliveryResult> results = fx.loadAll();

      assertThat(results)
          .extracting(DeliveryResult::outcome)
          .containsOnly(DeliveryResult.Outcome.LOADED);
      assertThat(results)
          .flatExtracting(DeliveryResult::extracts)
          .allSatisfy(e -> assertThat(e.reconciles()).isTrue());
      assertThat(
              fx.count(
                  "SELECT count(*) FROM etl_delivery WHERE rows_read <> rows_loaded + rows_rejected"))
          .isZero();

      Set<String> injected = new TreeSet<>();
      List<String> faults = Files.readAllLines(drop.resolve(CountyGenerator.FAULTS_FILE));
      for (String line : faults.subList(1, faults.size())) {
        String[] f = line.split(",", -1);
        injected.add(f[0] + "/" + f[1] + " line " + f[3] + " " + f[5]);
      }
      Set<String> quarantined = new TreeSet<>();
      try (Stream<Path> files = Files.walk(home.resolve("quarantine"))) {
        for (Path q : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
          try (var csv =
              de.siegmar.fastcsv.reader.CsvReader.builder()
                  .allowExtraFields(true)
                  .allowMissingFields(true)
                  .ofCsvRecord(q)) {
            csv.stream()
                .skip(1)
                .forEach(
                    r ->
                        quarantined.add(
                            r.getField(0)
                                + "/"
                                + r.getField(1)
                                + " line "
                                + r.getField(4)
                                + " "
                                + r.getField(5)));
          }
        }
      }
      assertThat(injected).hasSizeGreaterThan(20);
      assertThat(quarantined).containsExactlyInAnyOrderElementsOf(injected);
      assertThat(fx.count("SELECT sum(rows) FROM etl_reject")).isEqualTo(injected.size());
      assertThat(fx.count("SELECT count(DISTINCT reason) FROM etl_reject"))
          .isGreaterThanOrEqualTo(8);
    }
  }
}
