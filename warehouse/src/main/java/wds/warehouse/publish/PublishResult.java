package wds.warehouse.publish;

import java.nio.file.Path;
import java.util.List;

/**
 * What a snapshot build came to: the file it built (renamed {@code *.rejected} when a gate failed),
 * whether it is now current, and the gate failures that kept it from being published.
 */
public record PublishResult(Path snapshot, boolean published, List<GateFailure> failures) {

  public PublishResult {
    failures = List.copyOf(failures);
  }

  /** The failures in words, one per line, for logs and exception messages. */
  public String describeFailures() {
    return String.join(
        System.lineSeparator(), failures.stream().map(GateFailure::toString).toList());
  }
}
