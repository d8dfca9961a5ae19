package wds.pipeline.validate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import wds.pipeline.load.SqlRowValidator;
import wds.pipeline.person.IdentityNumber;
import wds.pipeline.pseudonym.Pseudonymiser;
import wds.pipeline.read.RawRecord;
import wds.schemas.Column;
import wds.schemas.ExtractSchema;
import wds.schemas.SchemaCatalog;

/**
 * Test fixtures: the catalogue, a context, and a valid row of any extract to spoil one value at a
 * time.
 */
final class Rows {

  static final SchemaCatalog CATALOG = SchemaCatalog.load();
  static final LocalDate EXTRACT_DATE = LocalDate.of(2025, 3, 2);
  static final String AREA = "652323101001";
  static final String INDICATOR = "W01";

  /** A woman born 1990-05-01. */
  static final IdentityNumber WOMAN = IdentityNumber.of("652323", LocalDate.of(1990, 5, 1), 122);

  /** A man born 1988-11-30. */
  static final IdentityNumber MAN = IdentityNumber.of("652301", LocalDate.of(1988, 11, 30), 17);

  static final Pseudonymiser PSEUDONYMISER =
      Pseudonymiser.fromKey("a test secret of enough bytes".getBytes(StandardCharsets.US_ASCII));

  static final ValidationContext CONTEXT =
      new ValidationContext(
          EXTRACT_DATE,
          Set.of(AREA, "652323000000", "652323101000"),
          Set.of(INDICATOR),
          PSEUDONYMISER);

  private Rows() {}

  static ExtractSchema schema(String qualified) {
    String[] parts = qualified.split("/");
    return CATALOG.get(parts[0], parts[1]);
  }

  /** A valid row of the extract, column name to text, in schema order. */
  static Map<String, String> valid(ExtractSchema schema) {
    Map<String, String> row = new LinkedHashMap<>();
    for (Column c : schema.columns()) {
      row.put(c.name(), validValue(schema, c));
    }
    return row;
  }

  private static String validValue(ExtractSchema schema, Column c) {
    return switch (c.type()) {
      case STR -> c.name() + "-1";
      case ID_NUMBER -> c.name().startsWith("party1") ? MAN.normalised() : WOMAN.normalised();
      case AREA -> AREA;
      case DATE -> "2024-06-15";
      case TS -> "2025-03-01T08:30:00";
      case FLAG -> c.name().equals("deleted") ? "N" : "Y";
      case INT -> c.min() != null ? c.min().toPlainString() : "7";
      case DEC -> "12.5";
      case CODE -> {
        if (c.sexOf() != null) {
          yield "2";
        }
        if (!c.codes().isEmpty()) {
          yield c.codes().get(0);
        }
        if ("indicators".equals(c.codesFrom())) {
          yield INDICATOR;
        }
        if (c.pattern() != null) {
          yield c.name().equals("icd10") ? "O72.1" : AREA;
        }
        yield "x";
      }
    };
  }

  static RawRecord record(Map<String, String> row) {
    return RawRecord.of(2, row.values().toArray(new String[0]));
  }

  static List<String> header(Map<String, String> row) {
    return new ArrayList<>(row.keySet());
  }

  static SqlRowValidator validator(ExtractSchema schema) {
    try {
      return new SqlRowValidator(schema, header(valid(schema)), CONTEXT);
    } catch (MissingColumnsException e) {
      throw new AssertionError(e);
    }
  }

  static Outcome validate(String qualified, Map<String, String> changes) {
    ExtractSchema schema = schema(qualified);
    Map<String, String> row = valid(schema);
    changes.forEach(
        (k, v) -> {
          if (!row.containsKey(k)) {
            throw new IllegalArgumentException(k);
          }
          row.put(k, v);
        });
    return validator(schema).validate(record(row));
  }
}
