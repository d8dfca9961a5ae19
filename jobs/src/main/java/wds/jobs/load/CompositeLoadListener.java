package wds.jobs.load;

import java.util.List;
import wds.pipeline.load.DeliveryResult;
import wds.pipeline.load.ExtractProgress;
import wds.pipeline.load.ExtractResult;
import wds.pipeline.load.LoadListener;

/** Several load listeners heard in order. */
record CompositeLoadListener(List<LoadListener> listeners) implements LoadListener {

  @Override
  public void progress(ExtractProgress progress) {
    listeners.forEach(l -> l.progress(progress));
  }

  @Override
  public void extractMerged(ExtractResult result) {
    listeners.forEach(l -> l.extractMerged(result));
  }

  @Override
  public void deliveryFinished(DeliveryResult result) {
    listeners.forEach(l -> l.deliveryFinished(result));
  }
}
