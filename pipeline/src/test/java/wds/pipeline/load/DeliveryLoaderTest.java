package wds.pipeline.load;

import static org.assertj.core.api.Assertions.assertThat;
import static wds.pipeline.load.Rows.AREAS;
import static wds.pipeline.load.Rows.ASSISTANCE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryLoaderTest {

  static final LocalDate NIGHT1 = LocalDate.of(2025, 3, 1);
  static final LocalDate NIGHT2 = LocalDate.of(2025, 3, 2);

  @TempDir Path home;
  LoaderFixture fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = new LoaderFixture(home);
    fx.drop
        .delivery("population", NIGHT1)
        .file("areas", "full", AREAS, Rows.areas("2025-01-01T00:00:00"))
        .write();
    fx.drop
        .delivery("civil", NIGHT1)
        .file(
            "assistance",
            "delta",
            ASSISTANCE,
            Rows.case_("A1", 1, "300", "2025-02-01T10:00:00", "N"),
            Rows.case_("A2", 2, "310.5", "2025-02-01T10:00:00", ""))
        .write();
    assertThat(fx.loadAll())
        .extracting(DeliveryResult::outcome)
        .containsOnly(DeliveryResult.Outcome.LOADED);
  }

  @AfterEach
  void tearDown() throws Exception {
    fx.close();
  }

  @Test
  void loadedDelivery_isInTheOdsAndAuditedPerFile() throws Exception {
    assertThat(fx.count("SELECT count(*) FROM ods_population__areas")).isEqualTo(4);
    assertThat(
            fx.rows(
                "SELECT case_no, monthly_amount, deleted, _delivery_date, _origin FROM ods_civil__assistance ORDER BY 1"))
        .containsExactly(
            List.of("A1", "300.0000", "false", "2025-03-01", "assistance_20250301.csv"),
            List.of("A2", "310.5000", "false", "2025-03-01", "assistance_20250301.csv"));
    assertThat(
            fx.rows(
                "SELECT source, extract, file, connector, mode, rows_read, rows_loaded, rows_rejected, status FROM etl_delivery ORDER BY 1"))
        .containsExactly(
            List.of(
                "civil",
                "assistance",
                "assistance_20250301.csv",
                "file",
                "delta",
                "2",
                "2",
                "0",
                "loaded"),
            List.of(
                "population",
                "areas",
                "areas_20250301.csv",
                "file",
                "full",
                "4",
                "4",
                "0",
                "loaded"));
  }

  @Test
  void sameDeliveryAgain_isRecognisedAsLoaded() throws Exception {
    assertThat(fx.loadAll())
        .extracting(DeliveryResult::outcome)
        .containsOnly(DeliveryResult.Outcome.ALREADY_LOADED);
    assertThat(fx.count("SELECT count(*) FROM etl_delivery")).isEqualTo(2);
  }

  @Test
  void badChecksum_refusesTheWholeDeliveryAndLeavesDataUnchanged() throws Exception {
    String before = fx.odsContents();
    Path manifest = night2(Rows.case_("A1", 1, "999", "2025-03-02T09:00:00", ""));
    Path file = manifest.resolveSibling("assistance_20250302.csv");
    Files.writeString(file, Files.readString(file).replace("999", "998"));

    DeliveryResult result = loadNight2();

    assertRefused(result, "assistance_20250302.csv: checksum mismatch");
    assertThat(fx.odsContents()).isEqualTo(before);
  }

  @Test
  void wrongRowCount_refusesTheDelivery() throws Exception {
    String before = fx.odsContents();
    Path manifest = night2(Rows.case_("A1", 1, "999", "2025-03-02T09:00:00", ""));
    Files.writeString(manifest, Files.readString(manifest).replace("\"rows\": 1", "\"rows\": 2"));

    assertRefused(loadNight2(), "assistance_20250302.csv: holds 1 records, the manifest says 2");
    assertThat(fx.odsContents()).isEqualTo(before);
  }

  @Test
  void missingFile_refusesTheDeliveryNamingTheFile() throws Exception {
    String before = fx.odsContents();
    Path manifest = night2(Rows.case_("A1", 1, "999", "2025-03-02T09:00:00", ""));
    Files.delete(manifest.resolveSibling("assistance_20250302.csv"));

    assertRefused(loadNight2(), "assistance_20250302.csv: file missing");
    assertThat(fx.odsContents()).isEqualTo(before);
  }

  @Test
  void missingManifest_refusesTheDelivery() throws Exception {
    String before = fx.odsContents();
    Files.delete(night2(Rows.case_("A1", 1, "999", "2025-03-02T09:00:00", "")));

    assertRefused(loadNight2(), "no manifest manifest_20250302.json for assistance_20250302.csv");
    assertThat(fx.odsContents()).isEqualTo(before);
  }

  @Test
  void unreadableManifest_refusesTheDelivery() throws Exception {
    String before = fx.odsContents();
    Files.writeString(
        night2(Rows.case_("A1", 1, "999", "2025-03-02T09:00:00", "")), "{\"source\": ");

    assertRefused(loadNight2(), "manifest_20250302.json is not readable JSON");
    assertThat(fx.odsContents()).isEqualTo(before);
  }

  @Test
  void missingRequiredColumn_refusesTheDeliveryAndAllItsFiles() throws Exception {
    String before = fx.odsContents();
    fx.drop
        .delivery("civil", NIGHT2)
        .file(
            "assistance",
            "delta",
            ASSISTANCE.replace(",monthly_amount", ""),
            Rows.case_("A1", 1, "999", "2025-03-02T09:00:00", "").replace(",999", ""))
        .file(
            "marriages",
            "delta",
            "registration_no,kind,registration_date,party1_id_number,party2_id_number,party1_prior,party2_prior,registry_area_code,updated_at",
            "M1,marriage,2025-03-01,"
                + Rows.id(5)
                + ","
                + Rows.id(6)
                + ",never,never,"
                + Rows.VILLAGE
                + ",2025-03-01T10:00:00")
        .write();

    DeliveryResult result = loadNight2();

    assertRefused(result, "assistance_20250302.csv: lacks column(s) monthly_amount");
    assertThat(result.extracts())
        .extracting(ExtractResult::file)
        .containsExactlyInAnyOrder("assistance_20250302.csv", "marriages_20250302.csv");
    assertThat(fx.odsContents()).isEqualTo(before);
    assertThat(
            fx.count(
                "SELECT count(*) FROM etl_delivery WHERE status = 'refused' AND file = 'marriages_20250302.csv'"))
        .isEqualTo(1);
  }

  @Test
  void refusedAgainUnchanged_isAuditedOnce() throws Exception {
    Path manifest = night2(Rows.case_("A1", 1, "999", "2025-03-02T09:00:00", ""));
    Files.delete(manifest.resolveSibling("assistance_20250302.csv"));
    loadNight2();
    loadNight2();
    assertThat(fx.count("SELECT count(*) FROM etl_delivery WHERE status = 'refused'")).isEqualTo(1);
  }

  @Test
  void deliveryThatFailsHalfWay_isRolledBackAndLoadsCleanlyLater() throws Exception {
    String before = fx.odsContents();
    long auditBefore = fx.count("SELECT count(*) FROM etl_delivery");
    fx.drop
        .delivery("civil", NIGHT2)
        .file(
            "assistance",
            "delta",
            ASSISTANCE,
            Rows.case_("A1", 1, "999", "2025-03-02T09:00:00", ""))
        .file(
            "marriages",
            "delta",
            "registration_no,kind,registration_date,party1_id_number,party2_id_number,party1_prior,party2_prior,registry_area_code,updated_at",
            "M1,marriage,2025-03-01,"
                + Rows.id(5)
                + ","
                + Rows.id(6)
                + ",never,never,"
                + Rows.VILLAGE
                + ",2025-03-01T10:00:00")
        .write();
    LoadListener dyingAfterFirstMerge =
        new LoadListener() {
          @Override
          public void extractMerged(ExtractResult result) {
            throw new IllegalStateException("injected failure after merging " + result.extract());
          }
        };
    try (DeliveryLoader dying =
        new DeliveryLoader(
            fx.connection(),
            LoaderFixture.CATALOG,
            new LoadSettings(
                java.util.Set.of(),
                wds.pipeline.pseudonym.Pseudonymiser.fromKey(LoaderFixture.SECRET),
                home.resolve("quarantine")),
            dyingAfterFirstMerge)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> dying.load(night2Delivery()))
          .hasMessageContaining("injected failure");
    }
    assertThat(fx.odsContents()).isEqualTo(before);
    assertThat(fx.count("SELECT count(*) FROM etl_delivery")).isEqualTo(auditBefore);

    assertThat(loadNight2().outcome()).isEqualTo(DeliveryResult.Outcome.LOADED);
    assertThat(fx.rows("SELECT monthly_amount FROM ods_civil__assistance WHERE case_no = 'A1'"))
        .containsExactly(List.of("999.0000"));
    assertThat(fx.count("SELECT count(*) FROM ods_civil__marriages")).isEqualTo(1);
  }

  private Path night2(String... rows) {
    return fx.drop.delivery("civil", NIGHT2).file("assistance", "delta", ASSISTANCE, rows).write();
  }

  private DeliveryResult loadNight2() throws Exception {
    return fx.loader.load(night2Delivery());
  }

  private Delivery night2Delivery() {
    return new DropFolder(fx.drop.root())
        .deliveries(List.of("civil")).stream()
            .filter(x -> x.extractDate().equals(NIGHT2))
            .findFirst()
            .orElseThrow();
  }

  private void assertRefused(DeliveryResult result, String fault) throws Exception {
    assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.REFUSED);
    assertThat(result.message()).contains(fault);
    assertThat(
            fx.rows(
                "SELECT status, message FROM etl_delivery WHERE delivery_date = DATE '2025-03-02'"))
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r.get(0)).isEqualTo("refused");
              assertThat(r.get(1)).contains(fault);
            });
    assertThat(fx.count("SELECT count(*) FROM etl_reject WHERE delivery_date = DATE '2025-03-02'"))
        .isZero();
  }
}
