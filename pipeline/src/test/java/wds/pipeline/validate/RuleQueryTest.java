package wds.pipeline.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static wds.pipeline.validate.Rows.validate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import wds.pipeline.load.SqlRowValidator;
import wds.pipeline.ods.OdsColumn;
import wds.pipeline.ods.OdsTable;
import wds.pipeline.person.IdentityNumber;
import wds.pipeline.pseudonym.Pseudonymiser;
import wds.pipeline.read.RawRecord;
import wds.schemas.ExtractSchema;

class RuleQueryTest {

  private static final String ID = Rows.WOMAN.normalised();

  static Stream<Arguments> oneFaultEach() {
    String wrongCheck = ID.substring(0, 17) + (ID.charAt(17) == '1' ? '2' : '1');
    return Stream.of(
        Arguments.of(
            "health/pregnancies",
            Map.of("pregnancy_id", ""),
            RejectReason.MISSING_REQUIRED,
            "pregnancy_id"),
        Arguments.of(
            "health/pregnancies",
            Map.of("mother_id_number", "  "),
            RejectReason.MISSING_REQUIRED,
            "mother_id_number"),
        Arguments.of(
            "health/pregnancies",
            Map.of("outcome", "1", "outcome_date", ""),
            RejectReason.MISSING_REQUIRED,
            "outcome_date"),
        Arguments.of(
            "health/pregnancies",
            Map.of("updated_at", ""),
            RejectReason.MISSING_REQUIRED,
            "updated_at"),
        Arguments.of(
            "health/pregnancies",
            Map.of("mother_id_number", ID.substring(0, 17)),
            RejectReason.BAD_ID_FORMAT,
            "mother_id_number"),
        Arguments.of(
            "health/pregnancies",
            Map.of("mother_id_number", ID.substring(0, 16) + "A" + ID.charAt(17)),
            RejectReason.BAD_ID_FORMAT,
            "mother_id_number"),
        Arguments.of(
            "health/pregnancies",
            Map.of("mother_id_number", withBirth("19900230")),
            RejectReason.BAD_ID_FORMAT,
            "mother_id_number"),
        Arguments.of(
            "health/pregnancies",
            Map.of("mother_id_number", withBirth("20250303")),
            RejectReason.BAD_ID_FORMAT,
            "mother_id_number"),
        Arguments.of(
            "health/pregnancies",
            Map.of("mother_id_number", wrongCheck),
            RejectReason.BAD_ID_CHECKSUM,
            "mother_id_number"),
        Arguments.of("education/students", Map.of("sex", "1"), RejectReason.SEX_CONFLICT, "sex"),
        Arguments.of(
            "health/pregnancies",
            Map.of("registration_date", "2024-02-30"),
            RejectReason.BAD_DATE,
            "registration_date"),
        Arguments.of(
            "health/pregnancies",
            Map.of("registration_date", "2024/01/05"),
            RejectReason.BAD_DATE,
            "registration_date"),
        Arguments.of(
            "health/pregnancies",
            Map.of("registration_date", "2024-1-5"),
            RejectReason.BAD_DATE,
            "registration_date"),
        Arguments.of(
            "health/pregnancies",
            Map.of("updated_at", "2025-03-01"),
            RejectReason.BAD_DATE,
            "updated_at"),
        Arguments.of(
            "health/pregnancies",
            Map.of("updated_at", "2025-03-01T24:00:00"),
            RejectReason.BAD_DATE,
            "updated_at"),
        Arguments.of(
            "health/pregnancies",
            Map.of("registration_date", "2025-03-03"),
            RejectReason.FUTURE_DATE,
            "registration_date"),
        Arguments.of(
            "health/births",
            Map.of("birth_date", "2026-01-01"),
            RejectReason.FUTURE_DATE,
            "birth_date"),
        Arguments.of(
            "health/pregnancies", Map.of("outcome", "5"), RejectReason.BAD_CODE, "outcome"),
        Arguments.of(
            "health/pregnancies", Map.of("hiv_tested", "y"), RejectReason.BAD_CODE, "hiv_tested"),
        Arguments.of(
            "health/pregnancies", Map.of("deleted", "X"), RejectReason.BAD_CODE, "deleted"),
        Arguments.of(
            "health/maternal_deaths", Map.of("icd10", "P10"), RejectReason.BAD_CODE, "icd10"),
        Arguments.of(
            "health/maternal_deaths", Map.of("icd10", "O72.1x"), RejectReason.BAD_CODE, "icd10"),
        Arguments.of(
            "reports/indicator_reports",
            Map.of("indicator_code", "NOPE"),
            RejectReason.BAD_CODE,
            "indicator_code"),
        Arguments.of(
            "health/pregnancies",
            Map.of("hemoglobin_g_l", "39"),
            RejectReason.OUT_OF_RANGE,
            "hemoglobin_g_l"),
        Arguments.of(
            "health/pregnancies",
            Map.of("hemoglobin_g_l", "201"),
            RejectReason.OUT_OF_RANGE,
            "hemoglobin_g_l"),
        Arguments.of(
            "health/pregnancies",
            Map.of("prenatal_visits", "many"),
            RejectReason.OUT_OF_RANGE,
            "prenatal_visits"),
        Arguments.of(
            "health/pregnancies",
            Map.of("prenatal_visits", "3.0"),
            RejectReason.OUT_OF_RANGE,
            "prenatal_visits"),
        Arguments.of(
            "education/students",
            Map.of("school_type", "junior", "grade", "5"),
            RejectReason.OUT_OF_RANGE,
            "grade"),
        Arguments.of(
            "civil/assistance",
            Map.of("monthly_amount", "-1"),
            RejectReason.OUT_OF_RANGE,
            "monthly_amount"),
        Arguments.of(
            "civil/assistance",
            Map.of("monthly_amount", "1e3"),
            RejectReason.OUT_OF_RANGE,
            "monthly_amount"),
        Arguments.of(
            "health/pregnancies",
            Map.of("residence_area_code", "652323999999"),
            RejectReason.UNKNOWN_AREA,
            "residence_area_code"),
        Arguments.of(
            "hr/employment",
            Map.of("work_area_code", "6523"),
            RejectReason.UNKNOWN_AREA,
            "work_area_code"));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("oneFaultEach")
  void aRowWithOneFaultIsRejectedWithItsReasonAndColumn(
      String extract, Map<String, String> fault, RejectReason reason, String column) {
    Outcome outcome = validate(extract, fault);

    assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
    Outcome.Rejected rejected = (Outcome.Rejected) outcome;
    assertThat(rejected.reason()).isEqualTo(reason);
    assertThat(rejected.column()).isEqualTo(column);
    assertThat(rejected.detail()).startsWith(column + ": ").doesNotContain(ID);
  }

  @Test
  void aMalformedRecordIsRejectedMalformedWhateverItHolds() {
    ExtractSchema schema = Rows.schema("health/pregnancies");
    SqlRowValidator validator = Rows.validator(schema);
    String[] values = Rows.valid(schema).values().toArray(new String[0]);

    Outcome marked = validator.validate(RawRecord.malformed(7, values, "broken quoting"));
    Outcome tooShort = validator.validate(RawRecord.of(8, "a", "b"));

    assertThat(marked)
        .isEqualTo(new Outcome.Rejected(RejectReason.MALFORMED_ROW, null, "broken quoting"));
    assertThat(((Outcome.Rejected) tooShort).reason()).isEqualTo(RejectReason.MALFORMED_ROW);
  }

  static Stream<Arguments> twoFaults() {
    String wrongCheck =
        Rows.MAN.normalised().substring(0, 17)
            + (Rows.MAN.normalised().charAt(17) == '1' ? '2' : '1');
    return Stream.of(
        // a later column's earlier reason wins over an earlier column's later reason
        Arguments.of(
            "health/pregnancies",
            Map.of("registration_date", "bad", "updated_at", ""),
            RejectReason.MISSING_REQUIRED,
            "updated_at"),
        Arguments.of(
            "health/pregnancies",
            Map.of("residence_area_code", "nowhere", "hemoglobin_g_l", "0"),
            RejectReason.OUT_OF_RANGE,
            "hemoglobin_g_l"),
        Arguments.of(
            "health/pregnancies",
            Map.of("outcome", "9", "registration_date", "2030-01-01"),
            RejectReason.FUTURE_DATE,
            "registration_date"),
        Arguments.of(
            "health/pregnancies",
            Map.of("hiv_tested", "?", "mother_id_number", ID.substring(1)),
            RejectReason.BAD_ID_FORMAT,
            "mother_id_number"),
        Arguments.of(
            "education/students",
            Map.of("sex", "1", "updated_at", "yesterday"),
            RejectReason.SEX_CONFLICT,
            "sex"),
        Arguments.of(
            "education/students",
            Map.of("grade", "9", "status", "gone"),
            RejectReason.BAD_CODE,
            "status"),
        // same reason in two columns: the first in schema order is named
        Arguments.of(
            "health/pregnancies",
            Map.of("hbv_tested", "?", "hiv_tested", "?"),
            RejectReason.BAD_CODE,
            "hiv_tested"),
        // between format and checksum, the first faulty identity number decides
        Arguments.of(
            "civil/marriages",
            Map.of("party1_id_number", wrongCheck, "party2_id_number", "123"),
            RejectReason.BAD_ID_CHECKSUM,
            "party1_id_number"),
        Arguments.of(
            "civil/marriages",
            Map.of("party1_id_number", "123", "party2_id_number", wrongCheck),
            RejectReason.BAD_ID_FORMAT,
            "party1_id_number"));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("twoFaults")
  void aRowWithTwoFaultsGetsTheEarlierReason(
      String extract, Map<String, String> faults, RejectReason reason, String column) {
    Outcome.Rejected rejected = (Outcome.Rejected) validate(extract, faults);

    assertThat(rejected.reason()).isEqualTo(reason);
    assertThat(rejected.column()).isEqualTo(column);
  }

  @Test
  void anOutcomeDateIsNotRequiredForAnOngoingPregnancy() {
    Outcome outcome = validate("health/pregnancies", Map.of("outcome", "4", "outcome_date", ""));

    assertThat(outcome).isInstanceOf(Outcome.Valid.class);
  }

  @Test
  void statedSexZeroOrNineNeverConflicts() {
    assertThat(validate("education/students", Map.of("sex", "0")))
        .isInstanceOf(Outcome.Valid.class);
    assertThat(validate("education/students", Map.of("sex", "9")))
        .isInstanceOf(Outcome.Valid.class);
  }

  @Test
  void anEndDateMayLieAfterTheExtractDate() {
    assertThat(validate("civil/assistance", Map.of("end_date", "2030-12-31")))
        .isInstanceOf(Outcome.Valid.class);
  }

  @Test
  void aGradeIsCheckedAgainstTheRangeOfItsSchoolType() {
    assertThat(validate("education/students", Map.of("school_type", "primary", "grade", "6")))
        .isInstanceOf(Outcome.Valid.class);
    assertThat(validate("education/students", Map.of("school_type", "junior", "grade", "3")))
        .isInstanceOf(Outcome.Valid.class);
  }

  @Test
  void timestampsTakeTOrASpaceWithOptionalSecondsAndFraction() {
    for (String ts :
        List.of(
            "2025-03-01T08:30",
            "2025-03-01 08:30",
            "2025-03-01T08:30:15",
            "2025-03-01 08:30:15.123456")) {
      Outcome outcome = validate("health/pregnancies", Map.of("updated_at", ts));
      assertThat(outcome).as(ts).isInstanceOf(Outcome.Valid.class);
    }
    Outcome.Valid valid =
        (Outcome.Valid)
            validate("health/pregnancies", Map.of("updated_at", "2025-03-01 08:30:15.12"));
    int at = OdsTable.of(Rows.schema("health/pregnancies")).indexOf("updated_at");
    assertThat(valid.values()[at]).isEqualTo(LocalDateTime.of(2025, 3, 1, 8, 30, 15, 120_000_000));
  }

  static Stream<ExtractSchema> everyExtract() {
    return Rows.CATALOG.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyExtract")
  void aValidRowOfEveryExtractBecomesTypedValuesInOdsOrder(ExtractSchema schema) {
    Outcome outcome = Rows.validator(schema).validate(Rows.record(Rows.valid(schema)));

    assertThat(outcome).isInstanceOf(Outcome.Valid.class);
    Object[] values = ((Outcome.Valid) outcome).values();
    List<OdsColumn> columns = OdsTable.of(schema).rowColumns();
    assertThat(values).hasSize(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      assertThat(values[i])
          .as(columns.get(i).name())
          .isNotNull()
          .isInstanceOf(columns.get(i).javaType());
    }
    assertThat(values[columns.size() - 1]).as("deleted").isEqualTo(Boolean.FALSE);
  }

  @Test
  void aPregnancyBecomesItsWarehouseRow() {
    ExtractSchema schema = Rows.schema("health/pregnancies");
    Map<String, String> row = Rows.valid(schema);
    row.put("pregnancy_id", "P-001");
    row.put("prenatal_visits", "8");
    row.put("hiv_positive", "N");
    row.put("syphilis_positive", "");
    row.put("deleted", "Y");
    OdsTable table = OdsTable.of(schema);

    Object[] v = ((Outcome.Valid) Rows.validator(schema).validate(Rows.record(row))).values();

    assertThat(v[table.indexOf("pregnancy_id")]).isEqualTo("P-001");
    assertThat(v[table.indexOf("mother_person_key")]).isEqualTo(Rows.PSEUDONYMISER.key(Rows.WOMAN));
    assertThat(v[table.indexOf("mother_id_birth_date")]).isEqualTo(LocalDate.of(1990, 5, 1));
    assertThat(v[table.indexOf("mother_id_sex")]).isEqualTo("2");
    assertThat(v[table.indexOf("residence_area_code")]).isEqualTo(Rows.AREA);
    assertThat(v[table.indexOf("registration_date")]).isEqualTo(LocalDate.of(2024, 6, 15));
    assertThat(v[table.indexOf("prenatal_visits")]).isEqualTo(8L);
    assertThat(v[table.indexOf("hiv_tested")]).isEqualTo(true);
    assertThat(v[table.indexOf("hiv_positive")]).isEqualTo(false);
    assertThat(v[table.indexOf("syphilis_positive")]).isNull();
    assertThat(v[table.indexOf("updated_at")]).isEqualTo(LocalDateTime.of(2025, 3, 1, 8, 30));
    assertThat(v[table.indexOf("deleted")]).isEqualTo(true);
  }

  @Test
  void aStudentNumberEmbeddingTheIdentityNumberIsKeptOnlyAsItsKeyedHash() {
    ExtractSchema schema = Rows.schema("education/students");
    Map<String, String> row = Rows.valid(schema);
    row.put("student_no", "G" + ID);
    OdsTable table = OdsTable.of(schema);

    Object[] v = ((Outcome.Valid) Rows.validator(schema).validate(Rows.record(row))).values();

    assertThat(v[table.indexOf("student_no")])
        .isEqualTo(Rows.PSEUDONYMISER.keyOfText("G" + ID))
        .asString()
        .doesNotContain(ID)
        .hasSize(64);
  }

  @Test
  void decimalsAreKeptAtTheWarehouseScale() {
    ExtractSchema schema = Rows.schema("civil/assistance");
    int at = OdsTable.of(schema).indexOf("monthly_amount");

    Object[] v =
        ((Outcome.Valid) validate("civil/assistance", Map.of("monthly_amount", "350.5"))).values();
    Object[] rounded =
        ((Outcome.Valid) validate("civil/assistance", Map.of("monthly_amount", "0.123456")))
            .values();

    assertThat(v[at]).isEqualTo(new BigDecimal("350.5000"));
    assertThat(rounded[at]).isEqualTo(new BigDecimal("0.1235"));
  }

  @Test
  void columnsMayComeInAnyOrderAndUnknownOnesAreIgnored() throws Exception {
    ExtractSchema schema = Rows.schema("health/births");
    Map<String, String> row = Rows.valid(schema);
    List<String> header = new ArrayList<>(row.keySet());
    java.util.Collections.reverse(header);
    header.add(2, "remarks");
    header.remove("deleted");
    String[] values =
        header.stream()
            .map(h -> h.equals("remarks") ? "whatever" : row.get(h))
            .toArray(String[]::new);

    Outcome outcome =
        new SqlRowValidator(schema, header, Rows.CONTEXT).validate(RawRecord.of(2, values));
    Outcome inOrder = Rows.validator(schema).validate(Rows.record(row));

    assertThat(((Outcome.Valid) outcome).values())
        .containsExactly(((Outcome.Valid) inOrder).values());
  }

  @Test
  void aMissingMandatoryColumnRefusesTheFile() {
    ExtractSchema schema = Rows.schema("health/births");
    List<String> header = new ArrayList<>(Rows.valid(schema).keySet());
    header.remove("birth_date");
    header.remove("updated_at");

    assertThatThrownBy(() -> new SqlRowValidator(schema, header, Rows.CONTEXT))
        .isInstanceOf(MissingColumnsException.class)
        .hasMessageContaining("birth_date, updated_at")
        .satisfies(
            e ->
                assertThat(((MissingColumnsException) e).missing())
                    .containsExactly("birth_date", "updated_at"));
  }

  @Test
  void aColumnDeliveredTwiceRefusesTheFile() {
    ExtractSchema schema = Rows.schema("health/births");
    List<String> header = new ArrayList<>(Rows.valid(schema).keySet());
    header.add("cert_no");

    assertThatThrownBy(() -> new SqlRowValidator(schema, header, Rows.CONTEXT))
        .isInstanceOf(MissingColumnsException.class)
        .satisfies(
            e -> assertThat(((MissingColumnsException) e).duplicated()).containsExactly("cert_no"));
  }

  @Test
  void legacyFifteenDigitAndLowerCaseXNumbersAreAcceptedAndNormalised() {
    IdentityNumber withX = null;
    for (int seq = 0; withX == null; seq += 2) {
      IdentityNumber candidate = IdentityNumber.of("652323", LocalDate.of(1985, 7, 9), seq);
      if (candidate.normalised().endsWith("X")) {
        withX = candidate;
      }
    }
    String key = Rows.PSEUDONYMISER.key(Rows.WOMAN);
    int at = OdsTable.of(Rows.schema("health/pregnancies")).indexOf("mother_person_key");

    Object[] legacy =
        ((Outcome.Valid)
                validate("health/pregnancies", Map.of("mother_id_number", Rows.WOMAN.legacyForm())))
            .values();
    Object[] lower =
        ((Outcome.Valid)
                validate(
                    "health/pregnancies",
                    Map.of("mother_id_number", withX.normalised().toLowerCase())))
            .values();

    assertThat(legacy[at]).isEqualTo(key);
    assertThat(lower[at]).isEqualTo(Rows.PSEUDONYMISER.key(withX));
  }

  @Test
  void thePersonKeyIsTheSameAcrossSourcesAndDiffersUnderAnotherSecret() {
    Object[] pregnancy = ((Outcome.Valid) validate("health/pregnancies", Map.of())).values();
    Object[] insurance = ((Outcome.Valid) validate("hr/insurance", Map.of())).values();
    String pregnancyKey =
        (String)
            pregnancy[OdsTable.of(Rows.schema("health/pregnancies")).indexOf("mother_person_key")];
    String insuranceKey =
        (String) insurance[OdsTable.of(Rows.schema("hr/insurance")).indexOf("person_key")];

    Pseudonymiser other =
        Pseudonymiser.fromKey("another secret of enough bytes".getBytes(StandardCharsets.US_ASCII));

    assertThat(pregnancyKey).isEqualTo(insuranceKey).hasSize(64).matches("[0-9a-f]{64}");
    assertThat(other.key(Rows.WOMAN)).isNotEqualTo(pregnancyKey);
  }

  static Stream<Map<String, String>> identityNumbersInOddPlaces() {
    String id = ID;
    String legacy = Rows.WOMAN.legacyForm();
    return Stream.of(
        Map.of("outcome", id),
        Map.of("registration_date", id),
        Map.of("updated_at", legacy),
        Map.of("hemoglobin_g_l", id),
        Map.of("residence_area_code", id),
        Map.of("hiv_tested", legacy),
        Map.of("mother_id_number", id + "1"),
        Map.of("mother_id_number", id.substring(0, 17) + "Z"),
        Map.of("mother_id_number", " " + legacy.substring(0, 14) + "?"));
  }

  @ParameterizedTest
  @MethodSource("identityNumbersInOddPlaces")
  void identityNumbersNeverReachADetail(Map<String, String> fault) {
    Outcome outcome = validate("health/pregnancies", fault);

    assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
    Outcome.Rejected rejected = (Outcome.Rejected) outcome;
    String legacy = Rows.WOMAN.legacyForm();
    assertThat(rejected.detail())
        .doesNotContain(ID)
        .doesNotContain(legacy)
        .doesNotContain(legacy.substring(0, 14));
    assertThat(rejected.toString()).doesNotContain(ID).doesNotContain(legacy);
  }

  private static String withBirth(String yyyymmdd) {
    String first17 = "652323" + yyyymmdd + "122";
    return first17 + IdentityNumber.checkCharacter(first17);
  }
}
