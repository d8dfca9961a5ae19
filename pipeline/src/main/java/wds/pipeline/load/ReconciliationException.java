package wds.pipeline.load;

/**
 * Rows read did not equal rows loaded plus rows rejected for a file or pull: a loader fault, never
 * a data fault. The delivery is rolled back and the job fails.
 */
public final class ReconciliationException extends IllegalStateException {

  public ReconciliationException(ExtractResult r) {
    super(
        "rows do not reconcile for "
            + r.source()
            + "/"
            + r.extract()
            + " "
            + r.deliveryDate()
            + " ("
            + r.file()
            + "): read "
            + r.rowsRead()
            + " != loaded "
            + r.rowsLoaded()
            + " + rejected "
            + r.rowsRejected());
  }
}
