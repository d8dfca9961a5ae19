package wds.jobs.load;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import wds.pipeline.load.RowValidatorFactory;
import wds.pipeline.ods.OdsTable;
import wds.pipeline.person.IdentityNumber;
import wds.pipeline.person.InvalidIdentityNumberException;
import wds.pipeline.read.RawRecord;
import wds.pipeline.validate.MissingColumnsException;
import wds.pipeline.validate.Outcome;
import wds.pipeline.validate.RejectReason;
import wds.pipeline.validate.ValidationContext;
import wds.schemas.Column;
import wds.schemas.ExtractSchema;

/**
 * INTERIM, deleted when the validate branch is merged: a small stand-in for {@code RowValidator}
 * lands: required values, types, identity numbers, code lists and area codes.
 */
final class InterimValidator {

  private InterimValidator() {}

  static RowValidatorFactory factory() {
    return InterimValidator::create;
  }

  static RowValidatorFactory.Check create(
      ExtractSchema schema, List<String> header, ValidationContext context)
      throws MissingColumnsException {
    List<String> missing =
        schema.mandatoryColumns().stream()
            .map(Column::name)
            .filter(n -> !header.contains(n))
            .toList();
    if (!missing.isEmpty()) {
      throw new MissingColumnsException(schema.qualifiedName(), missing);
    }
    int width = OdsTable.of(schema).rowColumns().size();
    return record -> validate(schema, header, context, record, width);
  }

  private static Outcome validate(
      ExtractSchema schema,
      List<String> header,
      ValidationContext context,
      RawRecord record,
      int width) {
    if (record.isMalformed()) {
      return new Outcome.Rejected(RejectReason.MALFORMED_ROW, null, record.malformed());
    }
    List<Object> values = new ArrayList<>(width);
    for (Column c : schema.columns()) {
      int i = header.indexOf(c.name());
      String raw = i < 0 ? "" : record.values()[i].trim();
      if (raw.isEmpty()) {
        if (c.required()) {
          return new Outcome.Rejected(RejectReason.MISSING_REQUIRED, c.name(), "empty");
        }
        if (c.type() == wds.schemas.ColumnType.ID_NUMBER) {
          values.add(null);
          values.add(null);
        }
        values.add(null);
        continue;
      }
      try {
        switch (c.type()) {
          case ID_NUMBER -> {
            IdentityNumber id;
            try {
              id = IdentityNumber.parse(raw);
            } catch (InvalidIdentityNumberException e) {
              return new Outcome.Rejected(RejectReason.BAD_ID_FORMAT, c.name(), "bad number");
            }
            values.add(context.pseudonymiser().key(id));
            values.add(id.birthDate());
            values.add(id.sex().code());
          }
          case INT -> values.add(Long.parseLong(raw));
          case DEC -> values.add(new BigDecimal(raw));
          case DATE -> values.add(LocalDate.parse(raw));
          case TS -> values.add(LocalDateTime.parse(raw));
          case FLAG -> {
            if (!raw.equals("Y") && !raw.equals("N")) {
              return new Outcome.Rejected(RejectReason.BAD_CODE, c.name(), "not Y/N");
            }
            values.add(raw.equals("Y"));
          }
          case AREA -> {
            if (!context.areaCodes().contains(raw)) {
              return new Outcome.Rejected(RejectReason.UNKNOWN_AREA, c.name(), "unknown area");
            }
            values.add(raw);
          }
          case CODE -> {
            if (!c.codes().isEmpty() && !c.codes().contains(raw)) {
              return new Outcome.Rejected(RejectReason.BAD_CODE, c.name(), "not in list");
            }
            values.add(raw);
          }
          case STR -> values.add(raw);
        }
      } catch (RuntimeException e) {
        RejectReason reason =
            c.type() == wds.schemas.ColumnType.DATE || c.type() == wds.schemas.ColumnType.TS
                ? RejectReason.BAD_DATE
                : RejectReason.OUT_OF_RANGE;
        return new Outcome.Rejected(reason, c.name(), "not a " + c.type().yamlName());
      }
    }
    if (!schema.hasDeletedFlag()) {
      values.add(false);
    }
    return new Outcome.Valid(values.toArray());
  }
}
