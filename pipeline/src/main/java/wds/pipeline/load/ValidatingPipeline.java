package wds.pipeline.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import wds.pipeline.ods.OdsTable;
import wds.pipeline.read.RawRecord;
import wds.pipeline.read.RecordReader;
import wds.pipeline.validate.Outcome;
import wds.pipeline.validate.RejectReason;

/**
 * The reading half of staging one file or pull, on several threads: one thread reads the records in
 * batches, {@code checks.length} threads validate the batches (parsing, identity checks, HMAC) and
 * write the valid rows to staging files of their own, and the staging thread takes the closed files
 * ({@link #next}) to have DuckDB load them.
 *
 * <p>Row order in the staging files does not matter ({@code _line} travels with each row), but the
 * quarantine and the counts do: each batch's rejections are written in batch order, so the
 * quarantine lists rejected records by line exactly as a single thread would.
 */
final class ValidatingPipeline {

  /** Hears how many records are validated, and the rejections so far. */
  @FunctionalInterface
  interface Progress {
    void done(long records, Map<RejectReason, Long> rejects);
  }

  /** Records per batch handed from the reading thread to a validating one. */
  private static final int BATCH = 1024;

  /** Rejected keys handed to the staging thread at a time (bounded, whatever the file holds). */
  private static final int KEYS_AT_ONCE = 4096;

  /** A closed staging file (or none), and keys of rejected records, for the staging thread. */
  record Chunk(Path file, long rows, List<String[]> rejectedKeys) {}

  private record Batch(long sequence, RawRecord[] records, int size) {}

  private record Rejection(RawRecord record, Outcome.Rejected outcome) {}

  private record Done(int records, List<Rejection> rejections) {}

  private static final Batch NO_MORE = new Batch(-1, new RawRecord[0], 0);
  private static final Chunk WORKER_DONE = new Chunk(null, 0, List.of());

  private final RecordReader reader;
  private final RowValidatorFactory.Check[] checks;
  private final QuarantineFile quarantine;
  private final int[] keyIndex;
  private final OdsTable table;
  private final Path folder;
  private final Progress progress;
  private final int progressEvery;
  private final BlockingQueue<Batch> batches;
  private final BlockingQueue<Chunk> chunks;
  private final AtomicInteger files = new AtomicInteger();
  private final List<Future<?>> tasks = new ArrayList<>();

  // the ordered collector's state, guarded by this
  private final Map<Long, Done> finished = new HashMap<>();
  private final Map<RejectReason, Long> rejects = new EnumMap<>(RejectReason.class);
  private List<String[]> rejectedKeys = new ArrayList<>();
  private long nextSequence;
  private long validated;

  private volatile long read;
  private int workersDone;
  private long finishedAt;

  /**
   * @param checks one validator per validating thread (a validator need not be thread-safe)
   * @param progress told how many records are done, about every {@code progressEvery} records
   */
  ValidatingPipeline(
      RecordReader reader,
      RowValidatorFactory.Check[] checks,
      QuarantineFile quarantine,
      int[] keyIndex,
      OdsTable table,
      Path folder,
      Progress progress,
      int progressEvery) {
    this.reader = reader;
    this.checks = checks;
    this.quarantine = quarantine;
    this.keyIndex = keyIndex;
    this.table = table;
    this.folder = folder;
    this.progress = progress;
    this.progressEvery = progressEvery;
    this.batches = new ArrayBlockingQueue<>(4 * checks.length);
    // at most this many closed files wait on disk, plus one open per validating thread
    this.chunks = new ArrayBlockingQueue<>(2 + checks.length);
  }

  /** Starts the reading and validating threads. */
  void start(ExecutorService threads) {
    tasks.add(threads.submit(this::readAll));
    for (RowValidatorFactory.Check check : checks) {
      tasks.add(threads.submit(() -> validateAll(check)));
    }
  }

  /**
   * The next closed staging file or batch of rejected keys, or null when every record is done.
   * Throws what went wrong on another thread.
   */
  Chunk next() throws Exception {
    while (workersDone < checks.length) {
      Chunk chunk = chunks.poll(50, TimeUnit.MILLISECONDS);
      if (chunk == WORKER_DONE) {
        workersDone++;
        finishedAt = System.nanoTime();
      } else if (chunk != null) {
        return chunk;
      } else {
        for (Future<?> task : tasks) {
          if (task.isDone()) {
            task.get(); // rethrows a failure; a task that ended well is simply done
          }
        }
      }
    }
    for (Future<?> task : tasks) {
      task.get();
    }
    synchronized (this) {
      if (!rejectedKeys.isEmpty()) {
        Chunk last = new Chunk(null, 0, rejectedKeys);
        rejectedKeys = new ArrayList<>();
        return last;
      }
    }
    return null;
  }

  /** Stops every thread (after a failure) and waits briefly until they have. */
  void stop() {
    tasks.forEach(t -> t.cancel(true));
    for (Future<?> task : tasks) {
      try {
        task.get(30, TimeUnit.SECONDS);
      } catch (Exception | Error ignored) {
        // cancelled or failed: either way it no longer writes
      }
    }
  }

  /** When (System.nanoTime) the last validating thread was done. */
  long finishedAt() {
    return finishedAt;
  }

  long read() {
    return read;
  }

  synchronized Map<RejectReason, Long> rejects() {
    return new EnumMap<>(rejects);
  }

  private Void readAll() throws Exception {
    boolean failed = true;
    try {
      long sequence = 0;
      long count = 0;
      RawRecord[] records = new RawRecord[BATCH];
      int size = 0;
      RawRecord record;
      while ((record = reader.next()) != null) {
        records[size++] = record;
        count++;
        if (size == BATCH) {
          batches.put(new Batch(sequence++, records, size));
          records = new RawRecord[BATCH];
          size = 0;
        }
      }
      if (size > 0) {
        batches.put(new Batch(sequence, records, size));
      }
      read = count;
      for (int i = 0; i < checks.length; i++) {
        batches.put(NO_MORE);
      }
      failed = false;
      return null;
    } finally {
      if (failed) {
        // the validators stop too (each passes NO_MORE on); the staging thread learns of the
        // failure from this task
        batches.clear();
        batches.offer(NO_MORE);
      }
    }
  }

  private Void validateAll(RowValidatorFactory.Check check) throws Exception {
    StagingCsvWriter out = null;
    Path file = null;
    try {
      while (true) {
        Batch batch = batches.take();
        if (batch == NO_MORE) {
          batches.offer(NO_MORE); // for the other validators, should the reader not have managed
          break;
        }
        List<Rejection> rejected = List.of();
        for (int i = 0; i < batch.size(); i++) {
          RawRecord record = batch.records()[i];
          Outcome outcome = check.validate(record);
          if (outcome instanceof Outcome.Valid valid) {
            if (out == null) {
              file = folder.resolve("chunk-" + files.getAndIncrement() + ".csv");
              out = new StagingCsvWriter(file, table);
            }
            out.write(valid.values(), record.line());
            if (out.rows() == ExtractStager.CHUNK_ROWS) {
              out.close();
              chunks.put(new Chunk(file, out.rows(), List.of()));
              out = null;
            }
          } else if (outcome instanceof Outcome.Rejected r) {
            if (rejected.isEmpty()) {
              rejected = new ArrayList<>();
            }
            rejected.add(new Rejection(record, r));
          }
        }
        collect(batch, rejected);
      }
      if (out != null) {
        out.close();
        chunks.put(new Chunk(file, out.rows(), List.of()));
        out = null;
      }
      chunks.put(WORKER_DONE);
      return null;
    } finally {
      if (out != null) {
        out.close();
      }
    }
  }

  /**
   * Takes one validated batch's rejections; writes those of every batch now complete in order to
   * the quarantine, so the quarantine is in line order whatever thread finished first.
   */
  private synchronized void collect(Batch batch, List<Rejection> rejected)
      throws IOException, InterruptedException {
    finished.put(batch.sequence(), new Done(batch.size(), rejected));
    long before = validated;
    Done ready;
    while ((ready = finished.remove(nextSequence)) != null) {
      nextSequence++;
      validated += ready.records();
      for (Rejection r : ready.rejections()) {
        Outcome.Rejected o = r.outcome();
        rejects.merge(o.reason(), 1L, Long::sum);
        quarantine.write(r.record(), o.reason(), o.column(), o.detail());
        rejectedKeys.add(keyValues(keyIndex, r.record().values()));
      }
    }
    if (rejectedKeys.size() >= KEYS_AT_ONCE) {
      chunks.put(new Chunk(null, 0, rejectedKeys));
      rejectedKeys = new ArrayList<>();
    }
    if (validated / progressEvery > before / progressEvery) {
      progress.done(validated, rejects);
    }
  }

  private static String[] keyValues(int[] keyIndex, String[] values) {
    String[] key = new String[keyIndex.length];
    for (int k = 0; k < keyIndex.length; k++) {
      int i = keyIndex[k];
      key[k] = i >= 0 && i < values.length ? values[i] : null;
    }
    return key;
  }
}
