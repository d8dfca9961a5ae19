package wds.jobs.serve;

/** No snapshot is published yet in the home: the page says how to run the first load. */
public final class NoSnapshotYet extends RuntimeException {
  public NoSnapshotYet() {
    super("no snapshot has been published yet");
  }
}
