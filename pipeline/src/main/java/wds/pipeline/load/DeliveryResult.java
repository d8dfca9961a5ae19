package wds.pipeline.load;

import java.time.LocalDate;
import java.util.List;

/**
 * What became of one delivery (or one JDBC pull). Serializable, as the load job keeps it in its
 * execution context.
 *
 * @param source the source system
 * @param deliveryDate the night (a pull: its day)
 * @param outcome loaded, refused or already loaded before
 * @param message the faults in words for a refusal, else null
 * @param extracts one result per file or pull (empty when already loaded)
 * @param seconds how long it took
 */
public record DeliveryResult(
    String source,
    LocalDate deliveryDate,
    Outcome outcome,
    String message,
    List<ExtractResult> extracts,
    double seconds)
    implements java.io.Serializable {

  /** What happened to a delivery. */
  public enum Outcome {
    LOADED,
    REFUSED,
    ALREADY_LOADED
  }

  public DeliveryResult {
    extracts = List.copyOf(extracts);
  }

  public long rowsRead() {
    return extracts.stream().mapToLong(ExtractResult::rowsRead).sum();
  }

  public long rowsLoaded() {
    return extracts.stream().mapToLong(ExtractResult::rowsLoaded).sum();
  }

  public long rowsRejected() {
    return extracts.stream().mapToLong(ExtractResult::rowsRejected).sum();
  }
}
