package wds.pipeline.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import wds.pipeline.ods.OdsTable;
import wds.pipeline.read.RawRecord;
import wds.pipeline.read.RecordReader;
import wds.pipeline.validate.MissingColumnsException;
import wds.pipeline.validate.RejectReason;
import wds.pipeline.validate.ValidationContext;
import wds.schemas.ExtractSchema;

/**
 * Reads one file or pull, validates every record, stages the valid rows in a temporary table and
 * sends the rejected ones to the quarantine; then finds keys repeated with different content
 * (DUPLICATE_KEY). Nothing reaches the operational layer here.
 *
 * <p>Valid rows travel as staging CSV files ({@link StagingCsvWriter}) of {@link #CHUNK_ROWS} rows,
 * each loaded by DuckDB's parallel {@code read_csv} while the next is being validated: measured
 * ~10× cheaper per text value than the Appender.
 */
public final class ExtractStager {

  /** How often progress is reported, in records. */
  public static final int PROGRESS_EVERY = 100_000;

  /**
   * Valid rows per staging file: big enough that DuckDB reads each in parallel at full speed, small
   * enough that validating the next chunk overlaps with loading this one and disk use stays small.
   */
  static final int CHUNK_ROWS = 131_072;

  /** Threads validating one file: as many as there are cores (validating is all CPU). */
  static final int VALIDATING_THREADS =
      Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

  private final Connection connection;
  private final RowValidatorFactory validators;
  private final LoadListener listener;

  /**
   * Reading, validating (parsing, identity checks, HMAC) and writing the staging files run on their
   * own threads while this one has DuckDB load the staging files already closed.
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
    OdsStatements sql = new OdsStatements(OdsTable.of(schema));
    QuarantineFile[] opened = new QuarantineFile[1];
    boolean staged = false;
    try {
      StagedExtract s = stage(schema, sql, source, mode, context, quarantines, opened);
      staged = true;
      return s;
    } finally {
      if (!staged) {
        // a file that could not be read to its end leaves neither quarantine nor staging behind
        if (opened[0] != null) {
          opened[0].discard();
        }
        try {
          execute(sql.sql("drop_staging"));
        } catch (SQLException e) {
          // the tables are temporary: they go with the connection anyway
        }
      }
    }
  }

  private StagedExtract stage(
      ExtractSchema schema,
      OdsStatements sql,
      RecordSource source,
      LoadMode mode,
      ValidationContext context,
      QuarantineFactory quarantines,
      QuarantineFile[] opened)
      throws MissingColumnsException, IOException, SQLException {
    LocalDateTime startedAt = AuditClock.now();
    long t0 = System.nanoTime();
    QuarantineFile quarantine;
    List<String> header;
    long staged = 0;
    long duckdbNanos = 0;
    Path folder = StagingFolder.create();
    ValidatingPipeline pipeline;
    try (RecordReader reader = source.open()) {
      header = reader.header();
      RowValidatorFactory.Check[] checks = new RowValidatorFactory.Check[VALIDATING_THREADS];
      for (int i = 0; i < checks.length; i++) {
        checks[i] = validators.create(schema, header, context);
      }
      quarantine = quarantines.open(schema, source.origin(), header);
      opened[0] = quarantine;
      execute(sql.sql("create_staging_table"));
      execute(sql.sql("create_rejected_keys_table"));
      pipeline =
          new ValidatingPipeline(
              reader,
              checks,
              quarantine,
              keyIndex(schema, header),
              sql.table(),
              folder,
              (done, rejected) -> listener.progress(progress(schema, source, done, rejected, t0)),
              PROGRESS_EVERY);
      DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
      // one transaction for the whole file: in auto-commit every chunk would be its own
      connection.setAutoCommit(false);
      pipeline.start(workers);
      try (PreparedStatement load = connection.prepareStatement(sql.single("stage_from_csv"));
          DuckDBAppender keys = duck.createAppender("temp", "main", sql.rejectedKeysTable())) {
        ValidatingPipeline.Chunk chunk;
        while ((chunk = pipeline.next()) != null) {
          if (chunk.file() != null) {
            if (chunk.rows() > 0) {
              long d0 = System.nanoTime();
              load.setString(1, chunk.file().toString());
              load.executeUpdate();
              duckdbNanos += System.nanoTime() - d0;
              staged += chunk.rows();
            }
            Files.deleteIfExists(chunk.file());
          }
          for (String[] key : chunk.rejectedKeys()) {
            appendKey(keys, key);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while staging " + source.origin(), e);
      } catch (ExecutionException e) {
        throw rethrow(e.getCause());
      } catch (IOException | SQLException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      } finally {
        pipeline.stop();
      }
      connection.commit();
      connection.setAutoCommit(true);
    } finally {
      StagingFolder.delete(folder);
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
    Map<RejectReason, Long> rejects = pipeline.rejects();
    long read = pipeline.read();
    long u0 = System.nanoTime();
    long conflicting = removeDuplicates(schema, sql, source, quarantine);
    long duplicatesNanos = System.nanoTime() - u0;
    if (conflicting > 0) {
      rejects.merge(RejectReason.DUPLICATE_KEY, conflicting, Long::sum);
    }
    listener.progress(progress(schema, source, read, rejects, t0));
    listener.extractStaged(
        new StageTimings(
            schema.source(),
            schema.extract(),
            source.origin(),
            read,
            (pipeline.finishedAt() - t0) / 1e9,
            duckdbNanos / 1e9,
            duplicatesNanos / 1e9,
            (System.nanoTime() - t0) / 1e9));
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
