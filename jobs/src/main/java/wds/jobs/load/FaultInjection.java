package wds.jobs.load;

import wds.pipeline.load.ExtractResult;
import wds.pipeline.load.LoadListener;

/**
 * A test hook: with {@code wds.load.fail-after-extracts=N} the load dies inside the transaction of
 * the delivery holding the N-th extract, after merging it, as a killed process would. Off (0) in
 * normal use.
 */
final class FaultInjection implements LoadListener {

  private final int failAfter;
  private int merged;

  FaultInjection(int failAfter) {
    this.failAfter = failAfter;
  }

  @Override
  public void extractMerged(ExtractResult result) {
    if (failAfter > 0 && ++merged == failAfter) {
      throw new IllegalStateException(
          "injected failure (wds.load.fail-after-extracts=" + failAfter + ")");
    }
  }
}
