package wds.jobs.publish;

import wds.warehouse.publish.PublishResult;

/** A snapshot that failed a quality gate: it was not published, the previous one stays current. */
public final class SnapshotRefusedException extends RuntimeException {

  private final transient PublishResult result;

  public SnapshotRefusedException(PublishResult result) {
    super(
        "the new snapshot "
            + result.snapshot().getFileName()
            + " failed its quality gates and was not published; the previous one stays current: "
            + result.describeFailures());
    this.result = result;
  }

  public PublishResult result() {
    return result;
  }
}
