package wds.pipeline.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 9, finding 7, against sources.md "Bad input" as it now reads: values are taken as
 * delivered, without trimming; a control character is {@code MALFORMED_ROW} (a line break in free
 * text aside); a blank or line break in a code, date, number, identity number or key is that
 * column's reason; an {@code updated_at} past the end of the extract day is {@code FUTURE_DATE}.
 */
class ContractValuesTest {

  private static final String ID = Rows.WOMAN.normalised();

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("health/births", Map.of("cert_no", "C\u00001"), RejectReason.MALFORMED_ROW),
        Arguments.of("health/births", Map.of("cert_no", "C1\r\n"), RejectReason.BAD_CODE),
        Arguments.of("health/births", Map.of("cert_no", " C1"), RejectReason.BAD_CODE),
        Arguments.of("health/births", Map.of("cert_no", "   "), RejectReason.MISSING_REQUIRED),
        Arguments.of("health/births", Map.of("child_sex", "1\r\n"), RejectReason.BAD_CODE),
        Arguments.of("health/births", Map.of("child_sex", " 1"), RejectReason.BAD_CODE),
        Arguments.of("health/births", Map.of("child_sex", "1\u3000"), RejectReason.BAD_CODE),
        Arguments.of("health/births", Map.of("child_sex", "1\t"), RejectReason.MALFORMED_ROW),
        Arguments.of(
            "health/births", Map.of("mother_id_number", ID + "\n"), RejectReason.BAD_ID_FORMAT),
        Arguments.of(
            "health/births", Map.of("mother_id_number", " " + ID), RejectReason.BAD_ID_FORMAT),
        Arguments.of("health/births", Map.of("birth_date", "2024-06-15 "), RejectReason.BAD_DATE),
        Arguments.of(
            "health/births", Map.of("birth_weight_g", "3200\n"), RejectReason.OUT_OF_RANGE),
        Arguments.of(
            "health/births",
            Map.of("residence_area_code", Rows.AREA + "\r\n"),
            RejectReason.BAD_CODE),
        Arguments.of(
            "health/births", Map.of("updated_at", "2099-01-01T00:00:00"), RejectReason.FUTURE_DATE),
        Arguments.of(
            "health/births",
            Map.of("updated_at", Rows.EXTRACT_DATE.plusDays(1) + "T00:00:00"),
            RejectReason.FUTURE_DATE),
        Arguments.of(
            "population/areas", Map.of("name", "\u001b[31m红\u001b[0m"), RejectReason.MALFORMED_ROW),
        Arguments.of("population/areas", Map.of("name", "a\u007fb"), RejectReason.MALFORMED_ROW),
        Arguments.of(
            "population/areas",
            Map.of("name", "x".repeat(RecordShape.MAX_FIELD_CHARS + 1)),
            RejectReason.MALFORMED_ROW),
        Arguments.of("population/areas", Map.of("level", "village\n"), RejectReason.BAD_CODE),
        Arguments.of(
            "civil/assistance", Map.of("monthly_amount", " 12.5"), RejectReason.OUT_OF_RANGE),
        Arguments.of("civil/assistance", Map.of("deleted", "N "), RejectReason.BAD_CODE));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void eachValueGetsItsReason(String extract, Map<String, String> value, RejectReason reason) {
    Outcome outcome = Rows.validate(extract, value);

    assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
    Outcome.Rejected rejected = (Outcome.Rejected) outcome;
    assertThat(rejected.reason()).isEqualTo(reason);
    assertThat(rejected.detail()).doesNotContain("\n", "\r", "\u0000", "\u001b");
  }

  static Stream<Arguments> kept() {
    return Stream.of(
        Arguments.of("population/areas", Map.of("name", "第一行\r\n第二行"), "name", "第一行\r\n第二行"),
        Arguments.of("population/areas", Map.of("name", " 呼图壁镇 "), "name", " 呼图壁镇 "),
        Arguments.of(
            "health/births",
            Map.of("updated_at", Rows.EXTRACT_DATE + "T23:59:59.999"),
            "cert_no",
            "cert_no-1"));
  }

  @ParameterizedTest
  @MethodSource("kept")
  void freeTextAndTheExtractDaysLastInstant_areKeptAsDelivered(
      String extract, Map<String, String> value, String column, String expected) {
    Outcome outcome = Rows.validate(extract, value);

    assertThat(outcome).isInstanceOf(Outcome.Valid.class);
    var table = wds.pipeline.ods.OdsTable.of(Rows.schema(extract));
    assertThat(((Outcome.Valid) outcome).values()[table.indexOf(column)]).isEqualTo(expected);
  }
}
