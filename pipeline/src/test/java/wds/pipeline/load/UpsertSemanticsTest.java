package wds.pipeline.load;

import static org.assertj.core.api.Assertions.assertThat;
import static wds.pipeline.load.Rows.AREAS;
import static wds.pipeline.load.Rows.ASSISTANCE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpsertSemanticsTest {

  static final LocalDate D1 = LocalDate.of(2025, 3, 1);

  @TempDir Path home;
  LoaderFixture fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = new LoaderFixture(home);
    fx.drop
        .delivery("population", D1)
        .file("areas", "full", AREAS, Rows.areas("2025-01-01T00:00:00"))
        .write();
  }

  @AfterEach
  void tearDown() throws Exception {
    fx.close();
  }

  @Test
  void newerVersion_wins() throws Exception {
    assistance(D1, Rows.case_("A1", 1, "100", "2025-02-01T10:00:00", ""));
    assistance(D1.plusDays(1), Rows.case_("A1", 1, "200", "2025-03-01T10:00:00", ""));
    fx.loadAll();
    assertThat(amountAndDate("A1")).containsExactly("200.0000", "2025-03-02");
  }

  @Test
  void olderVersion_inALaterDelivery_changesNothing() throws Exception {
    assistance(D1, Rows.case_("A1", 1, "200", "2025-02-20T10:00:00", ""));
    assistance(D1.plusDays(1), Rows.case_("A1", 1, "100", "2025-02-01T10:00:00", ""));
    fx.loadAll();
    assertThat(amountAndDate("A1")).containsExactly("200.0000", "2025-03-01");
  }

  @Test
  void identicalReDelivery_changesNothingNotEvenTheDeliveryDate() throws Exception {
    assistance(D1, Rows.case_("A1", 1, "200", "2025-02-20T10:00:00", ""));
    assistance(D1.plusDays(1), Rows.case_("A1", 1, "200", "2025-02-20T10:00:00", ""));
    fx.loadAll();
    assertThat(amountAndDate("A1")).containsExactly("200.0000", "2025-03-01");
  }

  @Test
  void sameUpdatedAtDifferentContent_laterDeliveryWins() throws Exception {
    assistance(D1, Rows.case_("A1", 1, "200", "2025-02-20T10:00:00", ""));
    assistance(D1.plusDays(1), Rows.case_("A1", 1, "250", "2025-02-20T10:00:00", ""));
    fx.loadAll();
    assertThat(amountAndDate("A1")).containsExactly("250.0000", "2025-03-02");
  }

  @Test
  void tombstone_isKeptAndNotRevivedByAnOlderReplay() throws Exception {
    assistance(D1, Rows.case_("A1", 1, "200", "2025-02-20T10:00:00", ""));
    assistance(D1.plusDays(1), Rows.case_("A1", 1, "200", "2025-03-01T12:00:00", "Y"));
    fx.loadAll();
    assertThat(deleted("A1")).isEqualTo("true");

    // the older delivery arrives again (as a new manifest, so it is not recognised as done)
    assistance(D1.plusDays(2), Rows.case_("A1", 1, "200", "2025-02-20T10:00:00", ""));
    fx.loadAll();
    assertThat(deleted("A1")).isEqualTo("true");
  }

  @Test
  void fullMode_deletesLiveRecordsAbsentFromTheFile_asOfThatDelivery() throws Exception {
    fx.drop
        .delivery("population", D1.plusDays(1))
        .file("areas", "full", AREAS, java.util.Arrays.copyOf(Rows.areas("2025-01-01T00:00:00"), 3))
        .write();
    fx.loadAll();
    assertThat(
            fx.rows(
                "SELECT deleted, updated_at, _delivery_date FROM ods_population__areas"
                    + " WHERE area_code = '652323100002'"))
        .containsExactly(List.of("true", "2025-03-02 00:00:00.0", "2025-03-02"));
    assertThat(fx.count("SELECT count(*) FROM ods_population__areas WHERE NOT deleted"))
        .isEqualTo(3);
    assertThat(
            fx.count(
                "SELECT rows_absent_deleted FROM etl_delivery WHERE delivery_date = DATE '2025-03-02'"))
        .isEqualTo(1);
  }

  @Test
  void fullMode_olderReplayDoesNotReviveADeletedRecord() throws Exception {
    fx.drop
        .delivery("population", D1.plusDays(1))
        .file("areas", "full", AREAS, java.util.Arrays.copyOf(Rows.areas("2025-01-01T00:00:00"), 3))
        .write();
    fx.loadAll();
    fx.drop
        .delivery("population", D1.plusDays(2))
        .file("areas", "delta", AREAS, Rows.areas("2025-01-01T00:00:00"))
        .write();
    fx.loadAll();
    assertThat(fx.count("SELECT count(*) FROM ods_population__areas WHERE NOT deleted"))
        .isEqualTo(3);
  }

  @Test
  void fullMode_aRejectedRowKeepsItsRecordAlive() throws Exception {
    String[] areas = Rows.areas("2025-01-01T00:00:00");
    areas[3] = areas[3].replace("residents", "no-such-type");
    fx.drop.delivery("population", D1.plusDays(1)).file("areas", "full", AREAS, areas).write();
    fx.loadAll();
    assertThat(fx.count("SELECT count(*) FROM ods_population__areas WHERE NOT deleted"))
        .isEqualTo(4);
  }

  @Test
  void duplicateKeyWithDifferentContent_rejectsBothRows() throws Exception {
    assistance(
        D1,
        Rows.case_("A1", 1, "100", "2025-02-01T10:00:00", ""),
        Rows.case_("A1", 1, "150", "2025-02-01T10:00:00", ""),
        Rows.case_("A2", 2, "100", "2025-02-01T10:00:00", ""));
    fx.loadAll();
    assertThat(fx.rows("SELECT case_no FROM ods_civil__assistance")).containsExactly(List.of("A2"));
    assertThat(
            fx.rows(
                "SELECT rows_read, rows_loaded, rows_rejected FROM etl_delivery WHERE extract = 'assistance'"))
        .containsExactly(List.of("3", "1", "2"));
    assertThat(fx.rows("SELECT reason, rows FROM etl_reject"))
        .containsExactly(List.of("DUPLICATE_KEY", "2"));
    Path quarantine = home.resolve("quarantine/civil/20250301/assistance.csv");
    List<String> lines = Files.readAllLines(quarantine);
    assertThat(lines).hasSize(3);
    assertThat(lines.subList(1, 3))
        .allSatisfy(l -> assertThat(l).contains("DUPLICATE_KEY").contains(Rows.id(1)));
  }

  @Test
  void identicalRepeat_isNoFaultAndBothCountAsLoaded() throws Exception {
    assistance(
        D1,
        Rows.case_("A1", 1, "100", "2025-02-01T10:00:00", ""),
        Rows.case_("A1", 1, "100", "2025-02-01T10:00:00", ""));
    fx.loadAll();
    assertThat(fx.count("SELECT count(*) FROM ods_civil__assistance")).isEqualTo(1);
    assertThat(
            fx.rows(
                "SELECT rows_read, rows_loaded, rows_rejected FROM etl_delivery WHERE extract = 'assistance'"))
        .containsExactly(List.of("2", "2", "0"));
  }

  @Test
  void rejectedRows_goToAnOperatorOnlyQuarantineWithTheirRawValues() throws Exception {
    assistance(
        D1,
        Rows.case_("A1", 1, "100", "2025-02-01T10:00:00", ""),
        Rows.case_("A2", 2, "100", "2025-02-01T10:00:00", "").replace(Rows.VILLAGE, "652323999999"),
        Rows.case_("A3", 3, "100", "2025-02-01T10:00:00", "").replace("2024-01-01", "2024-02-30"),
        "A4,only,three");
    fx.loadAll();
    assertThat(
            fx.rows(
                "SELECT rows_read, rows_loaded, rows_rejected FROM etl_delivery WHERE extract = 'assistance'"))
        .containsExactly(List.of("4", "1", "3"));
    assertThat(fx.rows("SELECT reason, rows FROM etl_reject ORDER BY reason"))
        .containsExactly(
            List.of("BAD_DATE", "1"), List.of("MALFORMED_ROW", "1"), List.of("UNKNOWN_AREA", "1"));
    Path file = home.resolve("quarantine/civil/20250301/assistance.csv");
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(file.getParent()))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(Files.getPosixFilePermissions(home.resolve("quarantine/civil")))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0))
        .startsWith(
            "source,extract,delivery_date,origin,line,reason,column,detail,case_no,id_number");
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith(
                        "civil,assistance,2025-03-01,assistance_20250301.csv,3,UNKNOWN_AREA,residence_area_code,")
                    .contains(Rows.id(2)));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains(",5,MALFORMED_ROW,"));
  }

  private void assistance(LocalDate date, String... rows) {
    fx.drop.delivery("civil", date).file("assistance", "delta", ASSISTANCE, rows).write();
  }

  private List<String> amountAndDate(String caseNo) throws Exception {
    return fx.rows(
            "SELECT monthly_amount, _delivery_date FROM ods_civil__assistance WHERE case_no = '"
                + caseNo
                + "'")
        .get(0);
  }

  private String deleted(String caseNo) throws Exception {
    return fx.rows("SELECT deleted FROM ods_civil__assistance WHERE case_no = '" + caseNo + "'")
        .get(0)
        .get(0);
  }
}
