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

  private final Connection connection;
  private final RowValidatorFactory validators;
  private final LoadListener listener;

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
    Map<RejectReason, Long> rejects = new EnumMap<>(RejectReason.class);
    long read = 0;
    long staged = 0;
    QuarantineFile quarantine;
    List<String> header;
    try (RecordReader reader = source.open()) {
      header = reader.header();
      RowValidatorFactory.Check check = validators.create(schema, header, context);
      quarantine = quarantines.open(schema, source.origin(), header);
      execute(sql.sql("create_staging_table"));
      execute(sql.sql("create_rejected_keys_table"));
      int[] keyIndex = keyIndex(schema, header);
      ValueWriter[] writers = writers(sql.table());
      DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
      try (DuckDBAppender rows = duck.createAppender("temp", "main", sql.stagingTable());
          DuckDBAppender keys = duck.createAppender("temp", "main", sql.rejectedKeysTable())) {
        RawRecord record;
        while ((record = reader.next()) != null) {
          read++;
          Outcome outcome = check.validate(record);
          if (outcome instanceof Outcome.Valid valid) {
            append(rows, writers, valid.values(), record.line());
            staged++;
          } else if (outcome instanceof Outcome.Rejected rejected) {
            rejects.merge(rejected.reason(), 1L, Long::sum);
            quarantine.write(record, rejected.reason(), rejected.column(), rejected.detail());
            appendKey(keys, keyIndex, record.values());
          }
          if (read % PROGRESS_EVERY == 0) {
            listener.progress(progress(schema, source, read, rejects, t0));
          }
        }
      }
    }
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

  private static void appendKey(DuckDBAppender keys, int[] keyIndex, String[] values)
      throws SQLException {
    keys.beginRow();
    for (int i : keyIndex) {
      if (i >= 0 && i < values.length) {
        keys.append(values[i]);
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
