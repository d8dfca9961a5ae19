package wds.pipeline.load;

/**
 * Hears what the loader does: progress while an extract is read, each extract's counts, each
 * delivery's end. The job uses it for the terminal, the log and the metrics. A listener that throws
 * aborts the delivery in hand, which is rolled back as if the process had died.
 */
public interface LoadListener {

  /** Called every {@link ExtractStager#PROGRESS_EVERY} records and at the end of each extract. */
  default void progress(ExtractProgress progress) {}

  /** Called when a file or pull is staged: where its staging time went. */
  default void extractStaged(StageTimings timings) {}

  /**
   * Called inside the delivery's transaction after each extract is merged, before the commit: a
   * listener that throws here rolls the whole delivery back.
   */
  default void extractMerged(ExtractResult result) {}

  /** Called when a delivery or pull is committed, refused or recognised as done. */
  default void deliveryFinished(DeliveryResult result) {}

  LoadListener NONE = new LoadListener() {};
}
