package wds.pipeline.load;

import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import wds.pipeline.validate.RejectReason;

/**
 * One file or pull read, validated and waiting in its staging table to be merged.
 *
 * @param statements the extract's SQL (names its staging tables)
 * @param origin the file name or table
 * @param mode full or delta
 * @param header the column names as delivered
 * @param rowsRead every record read (well-formed or not)
 * @param rowsLoaded the rows that go to the warehouse (identical repeats of a key included)
 * @param rejects rejected rows by reason
 * @param quarantine the rejected rows' raw values, not yet in place
 * @param startedAt when reading began (county time)
 * @param seconds how long reading, validating and staging took
 */
public record StagedExtract(
    OdsStatements statements,
    String origin,
    LoadMode mode,
    java.util.List<String> header,
    long rowsRead,
    long rowsLoaded,
    Map<RejectReason, Long> rejects,
    QuarantineFile quarantine,
    LocalDateTime startedAt,
    double seconds) {

  public StagedExtract {
    rejects = rejects.isEmpty() ? Map.of() : new EnumMap<>(rejects);
  }

  public long rowsRejected() {
    return rejects.values().stream().mapToLong(Long::longValue).sum();
  }

  public String source() {
    return statements.table().schema().source();
  }

  public String extract() {
    return statements.table().schema().extract();
  }
}
