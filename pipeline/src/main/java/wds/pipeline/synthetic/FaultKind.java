package wds.pipeline.synthetic;

import wds.pipeline.validate.RejectReason;

/**
 * The faults the generator can put into a row, each producing exactly one reject reason of the
 * sources contract (the first that applies). Malformed rows come in four kinds.
 */
enum FaultKind {
  /** One field too many (a stray trailing delimiter). */
  EXTRA_FIELD(RejectReason.MALFORMED_ROW),
  /** One field too few (the last one lost). */
  MISSING_FIELD(RejectReason.MALFORMED_ROW),
  /** Bytes that are invalid in the file's encoding (0xFF in UTF-8, 0x81 0x21 in GB18030). */
  BAD_BYTES(RejectReason.MALFORMED_ROW),
  /** A quoted field followed by other characters before the delimiter ({@code "abc"x,}). */
  BROKEN_QUOTE(RejectReason.MALFORMED_ROW),
  MISSING_REQUIRED(RejectReason.MISSING_REQUIRED),
  BAD_ID_FORMAT(RejectReason.BAD_ID_FORMAT),
  BAD_ID_CHECKSUM(RejectReason.BAD_ID_CHECKSUM),
  SEX_CONFLICT(RejectReason.SEX_CONFLICT),
  BAD_DATE(RejectReason.BAD_DATE),
  FUTURE_DATE(RejectReason.FUTURE_DATE),
  BAD_CODE(RejectReason.BAD_CODE),
  OUT_OF_RANGE(RejectReason.OUT_OF_RANGE),
  UNKNOWN_AREA(RejectReason.UNKNOWN_AREA),
  DUPLICATE_KEY(RejectReason.DUPLICATE_KEY);

  private final RejectReason reason;

  FaultKind(RejectReason reason) {
    this.reason = reason;
  }

  RejectReason reason() {
    return reason;
  }

  boolean malformed() {
    return reason == RejectReason.MALFORMED_ROW;
  }
}
