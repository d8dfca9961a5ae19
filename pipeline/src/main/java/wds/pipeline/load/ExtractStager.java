package wds.pipeline.load;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import wds.pipeline.ods.OdsTable;
import wds.pipeline.read.RawRecord;
import wds.pipeline.read.RecordReader;
import wds.pipeline.validate.MissingColumnsException;
import wds.pipeline.validate.RejectReason;
import wds.pipeline.validate.RuleQuery;
import wds.pipeline.validate.ValidationContext;
import wds.schemas.ExtractSchema;

/**
 * Stages one file or pull: lands its records as delivered in a raw table (all VARCHAR, with their
 * lines), judges every row by the extract's rules as one SQL query ({@link RuleQuery}), puts the
 * typed valid rows in a temporary staging table and the rejected ones, in line order, in the
 * quarantine; then finds keys repeated with different content (DUPLICATE_KEY). Nothing reaches the
 * operational layer here.
 *
 * <p>Identity numbers and pseudonymised text are keyed in Java ({@link PseudonymKeys}), once per
 * distinct value of the file, and joined back in DuckDB.
 */
public final class ExtractStager {

  /** How often progress is reported, in records. */
  public static final int PROGRESS_EVERY = 100_000;

  private final Connection connection;
  private final LoadListener listener;
  private final Path quarantine;

  /** Whether the rules' macros are made on this connection (once: they are temporary). */
  private boolean macrosMade;

  /**
   * @param quarantine the quarantine folder ({@code <home>/quarantine}): each file's staging folder
   *     is made in it ({@link StagingFolder}), since staging files hold raw identity numbers
   */
  public ExtractStager(Connection connection, LoadListener listener, Path quarantine) {
    this.connection = connection;
    this.listener = listener;
    this.quarantine = quarantine;
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
    Path folder = StagingFolder.create(quarantine);
    try {
      StagedExtract s = stage(schema, sql, source, mode, context, quarantines, opened, folder);
      staged = true;
      return s;
    } finally {
      StagingFolder.delete(folder);
      try {
        execute(sql.sql("drop_raw"));
      } catch (SQLException e) {
        // the tables are temporary: they go with the connection anyway
      }
      if (!staged) {
        // a file that could not be read to its end leaves neither quarantine nor staging behind
        if (opened[0] != null) {
          opened[0].discard();
        }
        try {
          execute(sql.sql("drop_staging"));
        } catch (SQLException e) {
          // as above
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
      QuarantineFile[] opened,
      Path folder)
      throws MissingColumnsException, IOException, SQLException {
    LocalDateTime startedAt = AuditClock.now();
    long t0 = System.nanoTime();
    Map<RejectReason, Long> rejects = new EnumMap<>(RejectReason.class);
    RuleQuery query;
    QuarantineFile quarantine;
    RawLanding.Landed landed;
    try (RecordReader reader = source.open()) {
      List<String> header = reader.header();
      query = new RuleQuery(schema, header);
      quarantine = quarantines.open(schema, source.origin(), header);
      opened[0] = quarantine;
      execute(sql.sql("create_rejected_keys_table"));
      landed =
          new RawLanding(connection, sql, folder)
              .land(
                  source,
                  reader,
                  header,
                  done -> listener.progress(progress(schema, source, done, Map.of(), t0)));
    }
    long read = landed.read();
    long t1 = System.nanoTime();
    if (!macrosMade) {
      execute(RuleQuery.macros());
      macrosMade = true;
    }
    long valid =
        new SqlValidation(connection, sql, query, context, folder)
            .run(landed.malformed(), quarantine, rejects);
    long t2 = System.nanoTime();
    long conflicting = removeDuplicates(schema, sql, source, quarantine);
    long duplicatesNanos = System.nanoTime() - t2;
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
            (t1 - t0) / 1e9,
            (t2 - t1) / 1e9,
            duplicatesNanos / 1e9,
            (System.nanoTime() - t0) / 1e9));
    return new StagedExtract(
        sql,
        source.origin(),
        mode,
        query.header(),
        read,
        valid - conflicting,
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
