package wds.pipeline.load;

import java.util.List;
import wds.pipeline.read.RawRecord;
import wds.pipeline.validate.MissingColumnsException;
import wds.pipeline.validate.Outcome;
import wds.pipeline.validate.ValidationContext;
import wds.schemas.ExtractSchema;

/**
 * Makes the validator of one file or pull once its header is known. In production this is {@code
 * wds.pipeline.validate.RowValidator}; the loader depends only on this shape.
 */
@FunctionalInterface
public interface RowValidatorFactory {

  /**
   * The validator of one file or pull. The loader calls this once per validating thread (one per
   * core), so a {@link Check} is only ever used by one thread and need not be thread-safe.
   *
   * @throws MissingColumnsException when the header lacks a column the extract must have: the
   *     delivery is refused
   */
  Check create(ExtractSchema schema, List<String> header, ValidationContext context)
      throws MissingColumnsException;

  /** Validates one raw record into a typed row or a rejection. */
  @FunctionalInterface
  interface Check {
    Outcome validate(RawRecord record);
  }
}
