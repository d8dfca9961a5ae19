package wds.pipeline.load;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import wds.pipeline.validate.RejectReason;

/**
 * What became of one file or JDBC pull: one row of {@code etl_delivery} with its reject counts (the
 * rows of {@code etl_reject}).
 *
 * @param source the source system
 * @param extract the extract (null when a refusal concerns no single extract, e.g. a bad manifest)
 * @param deliveryDate the delivery's extract date, or the pull's day
 * @param file the file name or table
 * @param connector {@code file} or {@code jdbc}
 * @param mode full or delta (null if unknown)
 * @param rowsRead records read
 * @param rowsLoaded rows that went to the warehouse
 * @param rejects rejected rows by reason
 * @param absentDeleted records a full file deleted by leaving them out
 * @param sha256 the file's checksum as found (null for a pull or a missing file)
 * @param status loaded, refused, or ignored (a file its manifest does not list)
 * @param message the fault in words (refusals), or null
 * @param manifestSha256 the checksum of the delivery's manifest (null for a pull)
 * @param startedAt when its load began (county time)
 * @param finishedAt when it ended
 */
public record ExtractResult(
    String source,
    String extract,
    LocalDate deliveryDate,
    String file,
    String connector,
    LoadMode mode,
    long rowsRead,
    long rowsLoaded,
    Map<RejectReason, Long> rejects,
    long absentDeleted,
    String sha256,
    Status status,
    String message,
    String manifestSha256,
    LocalDateTime startedAt,
    LocalDateTime finishedAt)
    implements java.io.Serializable {

  /** What happened to a file or pull. */
  public enum Status {
    LOADED,
    REFUSED,
    /** a data file in the drop that its manifest does not list: never read, 0 rows */
    IGNORED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public ExtractResult {
    rejects = rejects.isEmpty() ? Map.of() : new EnumMap<>(rejects);
  }

  public long rowsRejected() {
    return rejects.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Whether rows read = rows loaded + rows rejected, as the contract demands of every file. */
  public boolean reconciles() {
    return rowsRead == rowsLoaded + rowsRejected();
  }
}
