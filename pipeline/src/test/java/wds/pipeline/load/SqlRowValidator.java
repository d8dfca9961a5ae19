package wds.pipeline.load;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import wds.pipeline.ods.OdsColumn;
import wds.pipeline.ods.OdsTable;
import wds.pipeline.read.RawRecord;
import wds.pipeline.read.RecordReader;
import wds.pipeline.validate.MissingColumnsException;
import wds.pipeline.validate.Outcome;
import wds.pipeline.validate.RejectReason;
import wds.pipeline.validate.RuleQuery;
import wds.pipeline.validate.ValidationContext;
import wds.schemas.ExtractSchema;
import wds.schemas.sql.SqlFile;

/**
 * Test fixture: the load's validation of single records, through the production path (raw table,
 * {@link RuleQuery}, pseudonym keys, staging table and quarantine of {@link ExtractStager}) on an
 * in-memory DuckDB, giving the {@link Outcome} a record gets: its typed staging row, or the reason,
 * column and detail its quarantine line holds.
 */
public final class SqlRowValidator {

  private static Connection connection;

  private final ExtractSchema schema;
  private final List<String> header;
  private final ValidationContext context;

  /**
   * A validator of records laid out as {@code header}.
   *
   * @throws MissingColumnsException as the loader does for such a header
   */
  public SqlRowValidator(ExtractSchema schema, List<String> header, ValidationContext context)
      throws MissingColumnsException {
    new RuleQuery(schema, header);
    this.schema = schema;
    this.header = List.copyOf(header);
    this.context = context;
  }

  /** The outcome of one record, as the loader judges it. */
  public Outcome validate(RawRecord record) {
    return validate(List.of(record)).get(0);
  }

  /** The outcomes of records of one file, in the file's order. */
  public synchronized List<Outcome> validate(List<RawRecord> records) {
    synchronized (SqlRowValidator.class) {
      Path quarantines = null;
      try {
        quarantines = Files.createTempDirectory("wds-sql-rows");
        Path root = quarantines;
        StagedExtract staged =
            new ExtractStager(connection(), new LoadListener() {}, root)
                .stage(
                    schema,
                    source(records),
                    LoadMode.DELTA,
                    context,
                    (s, origin, h) ->
                        QuarantineFile.of(
                            root,
                            s.source(),
                            s.extract(),
                            context.extractDate(),
                            origin,
                            h,
                            false));
        staged.quarantine().commit();
        Outcome[] outcomes = new Outcome[records.size()];
        readValid(staged, records, outcomes);
        readRejected(root, records, outcomes);
        try (Statement st = connection().createStatement()) {
          for (String drop : staged.statements().sql("drop_staging")) {
            st.execute(drop);
          }
        }
        return List.of(outcomes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (SQLException | MissingColumnsException e) {
        throw new IllegalStateException(e);
      } finally {
        delete(quarantines);
      }
    }
  }

  private void readValid(StagedExtract staged, List<RawRecord> records, Outcome[] outcomes)
      throws SQLException {
    List<OdsColumn> columns = OdsTable.of(schema).rowColumns();
    try (Statement st = connection().createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT * FROM "
                    + SqlFile.quote(staged.statements().stagingTable())
                    + " ORDER BY _line")) {
      while (rs.next()) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
          Class<?> type = columns.get(i).javaType();
          values[i] =
              type == LocalDate.class || type == LocalDateTime.class
                  ? rs.getObject(i + 1, type)
                  : rs.getObject(i + 1);
        }
        long line = rs.getLong(values.length + 1);
        outcomes[index(records, line)] = new Outcome.Valid(values);
      }
    }
  }

  private void readRejected(Path root, List<RawRecord> records, Outcome[] outcomes)
      throws IOException {
    Path file =
        root.resolve(schema.source())
            .resolve(context.extractDate().format(Delivery.BASIC_DATE))
            .resolve(schema.extract() + ".csv");
    if (!Files.exists(file)) {
      return;
    }
    // a quarantine line has as many values as its record: fewer or more than the header's
    try (CsvReader<CsvRecord> csv =
        CsvReader.builder()
            .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
            .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
            .ofCsvRecord(file)) {
      Iterator<CsvRecord> rows = csv.iterator();
      rows.next(); // the header
      while (rows.hasNext()) {
        CsvRecord r = rows.next();
        String column = r.getField(6);
        outcomes[index(records, Long.parseLong(r.getField(4)))] =
            new Outcome.Rejected(
                RejectReason.valueOf(r.getField(5)),
                column.isEmpty() ? null : column,
                r.getField(7));
      }
    }
  }

  private static int index(List<RawRecord> records, long line) {
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i).line() == line) {
        return i;
      }
    }
    throw new IllegalStateException("no record of line " + line);
  }

  private RecordSource source(List<RawRecord> records) {
    return new RecordSource() {
      @Override
      public String origin() {
        return schema.extract() + ".csv";
      }

      @Override
      public RecordReader open() {
        Iterator<RawRecord> it = records.iterator();
        return new RecordReader() {
          @Override
          public List<String> header() {
            return header;
          }

          @Override
          public RawRecord next() {
            return it.hasNext() ? it.next() : null;
          }

          @Override
          public void close() {}
        };
      }
    };
  }

  private static Connection connection() throws SQLException {
    if (connection == null) {
      connection = DriverManager.getConnection("jdbc:duckdb:");
    }
    return connection;
  }

  private static void delete(Path folder) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder
    }
  }
}
