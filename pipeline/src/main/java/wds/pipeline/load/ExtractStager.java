package wds.pipeline.load;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import wds.pipeline.ods.OdsColumn;
import wds.pipeline.ods.OdsTable;
import wds.pipeline.read.RawRecord;
import wds.pipeline.read.RecordReader;
import wds.pipeline.validate.MissingColumnsException;
import wds.pipeline.validate.Outcome;
import wds.pipeline.validate.RejectReason;
import wds.pipeline.validate.ValidationContext;
import wds.schemas.ExtractSchema;

/**
 * Reads one file or pull, validates every record, appends the valid rows to a staging table through
 * the DuckDB Appender and sends the rejected ones to the quarantine; then finds keys repeated with
 * different content (DUPLICATE_KEY). Nothing reaches the operational layer here.
 */
public final class ExtractStager {

  /** How often progress is reported, in records. */
  public static final int PROGRESS_EVERY = 100_000;

  /** Rows handed from the reading thread to the appending one at a time. */
  private static final int BATCH = 2048;

  private final Connection connection;
  private final RowValidatorFactory validators;
  private final LoadListener listener;

  /**
   * Reading and validating (parsing, identity checks, HMAC) run on their own thread while this one
   * appends to DuckDB: the two halves cost about the same, so on two cores this nearly halves the
   * time of a file.
   */
  private final ExecutorService workers =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "wds-read-validate");
            t.setDaemon(true);
            return t;
          });

  public ExtractStager(
      Connection connection, RowValidatorFactory validators, LoadListener listener) {
    this.connection = connection;
    this.validators = validators;
    this.listener = listener;
  }

  /**
   * Stages one file or pull.
   *
   * @throws MissingColumnsException when its header lacks a column of the extract
   */
  public StagedExtract stage(
      ExtractSchema schema,
      RecordSource source,
      LoadMode mode,
      ValidationContext context,
      QuarantineFactory quarantines)
      throws MissingColumnsException, IOException, SQLException {
    LocalDateTime startedAt = AuditClock.now();
    long t0 = System.nanoTime();
    OdsStatements sql = new OdsStatements(OdsTable.of(schema));
    QuarantineFile quarantine;
    List<String> header;
    Reading reading;
    long staged = 0;
    try (RecordReader reader = source.open()) {
      header = reader.header();
      RowValidatorFactory.Check check = validators.create(schema, header, context);
      quarantine = quarantines.open(schema, source.origin(), header);
      execute(sql.sql("create_staging_table"));
      execute(sql.sql("create_rejected_keys_table"));
      ValueWriter[] writers = writers(sql.table());
      reading =
          new Reading(reader, check, quarantine, keyIndex(schema, header), schema, source, t0);
      Future<?> producer = workers.submit(reading);
      DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
      // one transaction for the whole file: in auto-commit every Appender flush would be its own
      connection.setAutoCommit(false);
      try (DuckDBAppender rows = duck.createAppender("temp", "main", sql.stagingTable());
          DuckDBAppender keys = duck.createAppender("temp", "main", sql.rejectedKeysTable())) {
        Batch batch;
        while ((batch = reading.batches.take()) != Batch.END) {
          for (int i = 0; i < batch.size; i++) {
            append(rows, writers, batch.rows[i], batch.lines[i]);
          }
          staged += batch.size;
          for (String[] key : batch.rejectedKeys) {
            appendKey(keys, key);
          }
        }
        producer.get(); // rethrows what went wrong while reading
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while staging " + source.origin(), e);
      } catch (ExecutionException e) {
        throw rethrow(e.getCause());
      } finally {
        producer.cancel(true);
      }
      connection.commit();
      connection.setAutoCommit(true);
    } finally {
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
    Map<RejectReason, Long> rejects = reading.rejects;
    long read = reading.read;
    long conflicting = removeDuplicates(schema, sql, source, quarantine);
    if (conflicting > 0) {
      rejects.merge(RejectReason.DUPLICATE_KEY, conflicting, Long::sum);
    }
    listener.progress(progress(schema, source, read, rejects, t0));
    return new StagedExtract(
        sql,
        source.origin(),
        mode,
        header,
        read,
        staged - conflicting,
        rejects,
        quarantine,
        startedAt,
        (System.nanoTime() - t0) / 1e9);
  }

  /** Valid rows and rejected keys of up to {@link #BATCH} records. */
  private static final class Batch {
    static final Batch END = new Batch();

    final Object[][] rows = new Object[BATCH][];
    final long[] lines = new long[BATCH];
    final List<String[]> rejectedKeys = new ArrayList<>();
    int size;
    int records;
  }

  /**
   * The reading half: reads, validates, quarantines rejected records and hands valid rows over in
   * batches. Its counts are read by the appending thread after {@code Future.get()}.
   */
  private final class Reading implements Callable<Void> {
    final BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(8);
    final Map<RejectReason, Long> rejects = new EnumMap<>(RejectReason.class);
    final RecordReader reader;
    final RowValidatorFactory.Check check;
    final QuarantineFile quarantine;
    final int[] keyIndex;
    final ExtractSchema schema;
    final RecordSource source;
    final long t0;
    long read;

    Reading(
        RecordReader reader,
        RowValidatorFactory.Check check,
        QuarantineFile quarantine,
        int[] keyIndex,
        ExtractSchema schema,
        RecordSource source,
        long t0) {
      this.reader = reader;
      this.check = check;
      this.quarantine = quarantine;
      this.keyIndex = keyIndex;
      this.schema = schema;
      this.source = source;
      this.t0 = t0;
    }

    @Override
    public Void call() throws Exception {
      try {
        Batch batch = new Batch();
        RawRecord record;
        while ((record = reader.next()) != null) {
          read++;
          Outcome outcome = check.validate(record);
          if (outcome instanceof Outcome.Valid valid) {
            batch.rows[batch.size] = valid.values();
            batch.lines[batch.size] = record.line();
            batch.size++;
          } else if (outcome instanceof Outcome.Rejected rejected) {
            rejects.merge(rejected.reason(), 1L, Long::sum);
            quarantine.write(record, rejected.reason(), rejected.column(), rejected.detail());
            batch.rejectedKeys.add(keyValues(keyIndex, record.values()));
          }
          if (batch.size == BATCH) {
            batches.put(batch);
            batch = new Batch();
          }
          if (read % PROGRESS_EVERY == 0) {
            listener.progress(progress(schema, source, read, rejects, t0));
          }
        }
        batches.put(batch);
        batches.put(Batch.END);
        return null;
      } catch (Exception | Error e) {
        // let the appending thread stop; it learns of the failure from the Future
        batches.clear();
        batches.offer(Batch.END);
        throw e;
      }
    }
  }

  private static RuntimeException rethrow(Throwable cause) throws IOException, SQLException {
    if (cause instanceof IOException io) {
      throw io;
    }
    if (cause instanceof SQLException sql) {
      throw sql;
    }
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    throw new IllegalStateException(cause);
  }

  /** Opens the quarantine of one extract once its header is known. */
  @FunctionalInterface
  public interface QuarantineFactory {
    QuarantineFile open(ExtractSchema schema, String origin, List<String> header);
  }

  /**
   * DUPLICATE_KEY: rows sharing a key with different content leave the staging table and go to the
   * quarantine (their raw values are read again from the source); identical repeats collapse to one
   * row. Returns how many rows were rejected.
   */
  private long removeDuplicates(
      ExtractSchema schema, OdsStatements sql, RecordSource source, QuarantineFile quarantine)
      throws SQLException, IOException {
    if (queryLong(sql.single("count_repeated_keys")) == 0) {
      return 0;
    }
    execute(sql.sql("find_conflicting_rows"));
    Set<Long> lines = new HashSet<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql.single("conflicting_lines"))) {
      while (rs.next()) {
        lines.add(rs.getLong(1));
      }
    }
    if (!lines.isEmpty()) {
      execute(sql.sql("remove_conflicting_rows"));
      String keyColumns = String.join(", ", schema.primaryKey());
      try (RecordReader again = source.open()) {
        RawRecord record;
        while ((record = again.next()) != null) {
          if (lines.contains(record.line())) {
            quarantine.write(
                record,
                RejectReason.DUPLICATE_KEY,
                keyColumns,
                "another row of this file has the same key and different content");
          }
        }
      }
    }
    execute(sql.sql("keep_first_of_repeats"));
    return lines.size();
  }

  private static ExtractProgress progress(
      ExtractSchema schema,
      RecordSource source,
      long read,
      Map<RejectReason, Long> rejects,
      long t0) {
    long rejected = rejects.values().stream().mapToLong(Long::longValue).sum();
    return new ExtractProgress(
        schema.source(),
        schema.extract(),
        source.origin(),
        read,
        rejected,
        (System.nanoTime() - t0) / 1e9);
  }

  private static int[] keyIndex(ExtractSchema schema, List<String> header) {
    return schema.primaryKey().stream().mapToInt(header::indexOf).toArray();
  }

  private static String[] keyValues(int[] keyIndex, String[] values) {
    String[] key = new String[keyIndex.length];
    for (int k = 0; k < keyIndex.length; k++) {
      int i = keyIndex[k];
      key[k] = i >= 0 && i < values.length ? values[i] : null;
    }
    return key;
  }

  private static void appendKey(DuckDBAppender keys, String[] key) throws SQLException {
    keys.beginRow();
    for (String value : key) {
      if (value != null) {
        keys.append(value);
      } else {
        keys.appendNull();
      }
    }
    keys.endRow();
  }

  private static void append(
      DuckDBAppender appender, ValueWriter[] writers, Object[] values, long line)
      throws SQLException {
    if (values.length != writers.length) {
      throw new IllegalStateException(
          "a validated row has " + values.length + " values for " + writers.length + " columns");
    }
    appender.beginRow();
    for (int i = 0; i < writers.length; i++) {
      Object value = values[i];
      if (value == null) {
        writers[i].writeNull(appender);
      } else {
        writers[i].write(appender, value);
      }
    }
    appender.append(line);
    appender.endRow();
  }

  /** Writes one typed value of a column through the Appender. */
  private interface ValueWriter {
    void write(DuckDBAppender appender, Object value) throws SQLException;

    default void writeNull(DuckDBAppender appender) throws SQLException {
      appender.appendNull();
    }
  }

  private static ValueWriter[] writers(OdsTable table) {
    List<ValueWriter> writers = new ArrayList<>();
    for (OdsColumn column : table.rowColumns()) {
      Class<?> type = column.javaType();
      ValueWriter writer;
      if (type == String.class) {
        writer = (a, v) -> a.append((String) v);
      } else if (type == Long.class) {
        writer = (a, v) -> a.append(((Number) v).longValue());
      } else if (type == BigDecimal.class) {
        writer = (a, v) -> a.append(((BigDecimal) v).setScale(4, java.math.RoundingMode.HALF_UP));
      } else if (type == LocalDate.class) {
        writer = (a, v) -> a.append((LocalDate) v);
      } else if (type == LocalDateTime.class) {
        writer = (a, v) -> a.append((LocalDateTime) v);
      } else if (type == Boolean.class) {
        writer = (a, v) -> a.append(((Boolean) v).booleanValue());
      } else {
        throw new IllegalStateException(column.name() + " has an unknown type " + type);
      }
      if (column.name().equals("deleted")) {
        // an absent or empty deleted flag means a live record
        ValueWriter flag = writer;
        writer =
            new ValueWriter() {
              @Override
              public void write(DuckDBAppender a, Object v) throws SQLException {
                flag.write(a, v);
              }

              @Override
              public void writeNull(DuckDBAppender a) throws SQLException {
                a.append(false);
              }
            };
      }
      writers.add(writer);
    }
    return writers.toArray(ValueWriter[]::new);
  }

  private void execute(List<String> statements) throws SQLException {
    try (Statement st = connection.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    }
  }

  private long queryLong(String sql) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
