package wds.warehouse.publish;

import java.nio.file.Path;

/** Thrown when a snapshot is asked for and none has been published yet. */
public class NoSnapshotException extends RuntimeException {

  public NoSnapshotException(Path snapshots) {
    super(
        "no warehouse snapshot has been published yet in "
            + snapshots
            + " (the nightly job publishes one after its first successful load)");
  }
}
