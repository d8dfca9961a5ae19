package wds.pipeline.validate;

/**
 * Why a row was rejected: the reason codes of sources.md, in the order they are judged. A row gets
 * the first that applies.
 */
public enum RejectReason {
  MALFORMED_ROW,
  MISSING_REQUIRED,
  BAD_ID_FORMAT,
  BAD_ID_CHECKSUM,
  SEX_CONFLICT,
  BAD_DATE,
  FUTURE_DATE,
  BAD_CODE,
  OUT_OF_RANGE,
  UNKNOWN_AREA,
  DUPLICATE_KEY
}
