package wds.jobs.load;

import java.util.concurrent.atomic.AtomicInteger;
import wds.pipeline.load.ExtractResult;
import wds.pipeline.load.LoadListener;

/**
 * A test hook: with {@code wds.load.fail-after-extracts=N} the load dies inside the transaction of
 * the delivery holding the N-th extract merged in the run (on whichever lane), after merging it, as
 * a killed process would; and, as a dead process loads nothing more, so does every extract any
 * other lane merges after it. Off (0) in normal use.
 */
final class FaultInjection implements LoadListener {

  private final int failAfter;
  private final AtomicInteger merged = new AtomicInteger();

  FaultInjection(int failAfter) {
    this.failAfter = failAfter;
  }

  @Override
  public void extractMerged(ExtractResult result) {
    if (failAfter > 0 && merged.incrementAndGet() >= failAfter) {
      throw new IllegalStateException(
          "injected failure (wds.load.fail-after-extracts=" + failAfter + ")");
    }
  }
}
