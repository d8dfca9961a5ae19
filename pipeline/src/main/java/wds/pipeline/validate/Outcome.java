package wds.pipeline.validate;

/** What validating one raw record gave: a typed row for the warehouse, or a reason to reject it. */
public sealed interface Outcome permits Outcome.Valid, Outcome.Rejected {

  /**
   * A row that passed every check.
   *
   * @param values typed values in {@code OdsTable.of(schema).rowColumns()} order (identity numbers
   *     already replaced by person key, birth date and sex); null for an empty value
   */
  record Valid(Object[] values) implements Outcome {}

  /**
   * A row that failed.
   *
   * @param reason the first reason that applies, in the order of sources.md
   * @param column the column at fault (null for a malformed row)
   * @param detail the fault in words, for the quarantine and the operator; never contains an
   *     identity number
   */
  record Rejected(RejectReason reason, String column, String detail) implements Outcome {}
}
