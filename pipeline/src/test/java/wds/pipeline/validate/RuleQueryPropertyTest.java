package wds.pipeline.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import wds.pipeline.ods.OdsColumn;
import wds.pipeline.ods.OdsTable;
import wds.pipeline.read.RawRecord;
import wds.schemas.ExtractSchema;

/** Rows of every extract with random values in random columns: always an outcome, never a leak. */
class RuleQueryPropertyTest {

  private static final String[] NASTY = {
    "",
    " ",
    "\u3000",
    "Y",
    "N",
    "y",
    "0",
    "1",
    "2",
    "4",
    "9",
    "-1",
    "+7",
    "3.5",
    ".",
    "-",
    "1e3",
    "99999999999999999999",
    "2025-02-29",
    "2024-02-29",
    "2025-03-03",
    "2025-03-02",
    "1899-12-31",
    "2025-03-01T25:00",
    "2025-03-01 08:00:00.1234567891",
    "O72",
    "o72",
    Rows.AREA,
    "652323000000",
    "null",
    "\"",
    ",",
    "呼图壁",
    "\uFFFD",
    "x".repeat(300)
  };

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void anyRowGivesAnOutcomeAndNoDetailHoldsAnIdentityNumber(long seed) {
    Random random = new Random(seed);
    List<ExtractSchema> all = Rows.CATALOG.all();
    ExtractSchema schema = all.get(random.nextInt(all.size()));
    Map<String, String> row = Rows.valid(schema);
    List<String> names = List.copyOf(row.keySet());
    String id = Rows.WOMAN.normalised();
    for (int changes = 1 + random.nextInt(3); changes > 0; changes--) {
      String column = names.get(random.nextInt(names.size()));
      String value =
          switch (random.nextInt(4)) {
            case 0 -> id; // an identity number in any column
            case 1 -> id.substring(0, 6 + random.nextInt(12)) + (char) ('0' + random.nextInt(10));
            default -> NASTY[random.nextInt(NASTY.length)];
          };
      row.put(column, value);
    }

    Outcome outcome =
        Rows.validator(schema).validate(RawRecord.of(2, row.values().toArray(new String[0])));

    if (outcome instanceof Outcome.Rejected rejected) {
      assertThat(rejected.reason()).isNotEqualTo(RejectReason.DUPLICATE_KEY);
      assertThat(rejected.detail()).doesNotContain(id).doesNotContain(Rows.WOMAN.legacyForm());
      assertThat(rejected.column()).isIn(names);
    } else {
      Object[] values = ((Outcome.Valid) outcome).values();
      List<OdsColumn> columns = OdsTable.of(schema).rowColumns();
      for (int i = 0; i < columns.size(); i++) {
        if (values[i] != null) {
          assertThat(values[i]).as(columns.get(i).name()).isInstanceOf(columns.get(i).javaType());
        }
        if (!isFreeText(schema, columns.get(i).name())) {
          // free text is kept as delivered: see "Open points" in INGESTION-VALIDATION.md
          assertThat(String.valueOf(values[i])).doesNotContain(id);
        }
      }
    }
  }

  private static boolean isFreeText(ExtractSchema schema, String column) {
    return schema.column(column).map(c -> c.type() == wds.schemas.ColumnType.STR).orElse(false);
  }
}
