package wds.jobs.report;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * The parts of reports already rendered in one batch (one publish, one benchmark run), by their
 * content: an SVG chart, a Word chart's embedded workbook, a yearbook. The annual and the final
 * report of the same year state the same rows, and the public version differs from the internal one
 * only where the feed withholds a cell, so most parts of a batch's six reports are the same; each
 * is drawn once and its text or bytes reused. The key is everything the part is drawn from, so a
 * reused part is byte for byte what drawing it again would give. Threads asking for a part being
 * drawn wait for it rather than draw it twice.
 */
final class RenderedParts {

  private final ConcurrentHashMap<String, FutureTask<Object>> parts = new ConcurrentHashMap<>();

  /** The part with this key, drawn by {@code draw} the first time it is asked for. */
  @SuppressWarnings("unchecked")
  <T> T get(String key, Supplier<T> draw) {
    FutureTask<Object> task = new FutureTask<>(draw::get);
    FutureTask<Object> first = parts.putIfAbsent(key, task);
    if (first == null) {
      task.run();
      first = task;
    }
    try {
      return (T) first.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while drawing a report part", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** How many parts whose keys start with {@code kind} ({@code "chart|"}) the batch holds. */
  int count(String kind) {
    return (int) parts.keySet().stream().filter(k -> k.startsWith(kind)).count();
  }
}
