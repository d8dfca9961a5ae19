package wds.pipeline.load;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import wds.pipeline.read.CsvPreScan;
import wds.pipeline.read.CsvRecordReader;
import wds.pipeline.read.RawRecord;
import wds.pipeline.read.RecordReader;
import wds.pipeline.validate.RecordShape;
import wds.pipeline.validate.RuleQuery;
import wds.schemas.sql.SqlFile;

/**
 * Lands one file or pull in its raw table: every well-formed record as delivered, all VARCHAR, with
 * its physical line; the malformed ones are handed back, in line order, for the quarantine.
 *
 * <p>A UTF-8 CSV file is read by DuckDB itself after a byte-level pass ({@link CsvPreScan}) that
 * sets aside the records it may not read as the Java reader would (those are judged by {@link
 * CsvRecordReader#region}) and gives every other record its line. Anything else (GB18030, xlsx,
 * JDBC, a file with carriage returns) is decoded by its Java reader and handed to DuckDB as a UTF-8
 * CSV file ({@link RawCsvWriter}).
 */
final class RawLanding {

  /** What landing one file gave: the records read, and the malformed ones with their faults. */
  record Landed(long read, List<Malformed> malformed) {}

  /** A malformed record and why it is. */
  record Malformed(RawRecord record, String fault) {}

  private final Connection connection;
  private final OdsStatements sql;
  private final Path folder;

  RawLanding(Connection connection, OdsStatements sql, Path folder) {
    this.connection = connection;
    this.sql = sql;
    this.folder = folder;
  }

  /**
   * Lands every record of {@code source}; {@code reader} is its reader, its header read; {@code
   * progress} hears the count of records read by Java.
   */
  Landed land(RecordSource source, RecordReader reader, List<String> header, LongConsumer progress)
      throws IOException, SQLException {
    int width = header.size();
    Map<String, String> slots =
        Map.of("direct_columns", columns(width, false), "java_columns", columns(width, true));
    RecordShape shape = new RecordShape(header);
    List<Malformed> malformed = new ArrayList<>();
    Path javaFile = folder.resolve("raw-java.csv");
    long read = 0;
    Optional<Path> csv = source.utf8Csv();
    CsvPreScan.Result scan = csv.isPresent() ? CsvPreScan.scan(csv.get(), width) : null;
    boolean direct = scan != null && scan.plain();
    try (RawCsvWriter out = new RawCsvWriter(javaFile, width)) {
      if (direct) {
        for (CsvPreScan.Region region : scan.regions()) {
          for (RawRecord record : CsvRecordReader.region(csv.get(), region, width)) {
            read++;
            keep(record, shape, out, malformed);
          }
        }
        read += scan.rows();
      } else {
        RawRecord record;
        while ((record = reader.next()) != null) {
          read++;
          keep(record, shape, out, malformed);
          if (read % ExtractStager.PROGRESS_EVERY == 0) {
            progress.accept(read);
          }
        }
      }
    }
    if (direct && scan.direct()) {
      createDirect("create_raw_direct", slots, csv.get());
    } else {
      Path copy = folder.resolve("raw-copy.csv");
      if (direct) {
        copy(csv.get(), scan, copy);
      } else {
        FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
      }
      createDirect("create_raw_copy", slots, copy);
    }
    execute(sql.sql("create_raw_java", slots), javaFile);
    List<CsvPreScan.Shift> shifts = direct ? scan.shifts() : List.of();
    if (shifts.isEmpty() || (shifts.size() == 1 && shifts.get(0).ordinal() == 0)) {
      // one shift for every row (or no row read by DuckDB): lines without the ASOF join
      long shift = shifts.isEmpty() ? 0 : shifts.get(0).shift();
      execute(sql.sql("create_raw_view_one_shift", Map.of("shift", Long.toString(shift))), null);
    } else {
      execute(sql.sql("create_raw_view"), null);
      try (DuckDBAppender rows =
          connection
              .unwrap(DuckDBConnection.class)
              .createAppender("temp", "main", sql.stagingTable("shifts"))) {
        for (CsvPreScan.Shift s : shifts) {
          rows.beginRow();
          rows.append(s.ordinal());
          rows.append(s.shift());
          rows.endRow();
        }
      }
    }
    malformed.sort((a, b) -> Long.compare(a.record().line(), b.record().line()));
    return new Landed(read, malformed);
  }

  private static void keep(
      RawRecord record, RecordShape shape, RawCsvWriter out, List<Malformed> malformed) {
    String fault = shape.fault(record);
    if (fault == null) {
      out.write(record);
    } else {
      malformed.add(new Malformed(record, fault));
    }
  }

  /**
   * DuckDB reads the file in file order: rowid is then each record's ordinal. The connection's own
   * setting is put back afterwards: RESET would give DuckDB's default, which keeps the order, and
   * every later statement of the loader would pay for it.
   */
  private void createDirect(String template, Map<String, String> slots, Path file)
      throws SQLException {
    String before;
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT current_setting('preserve_insertion_order')")) {
      rs.next();
      before = rs.getBoolean(1) ? "true" : "false";
    }
    try (Statement st = connection.createStatement()) {
      st.execute("SET preserve_insertion_order = true");
    }
    try {
      execute(sql.sql(template, slots), file);
    } finally {
      try (Statement st = connection.createStatement()) {
        st.execute("SET preserve_insertion_order = " + before);
      }
    }
  }

  /** The file's records without its header and the ranges the pass excluded, bytes as they are. */
  private static void copy(Path file, CsvPreScan.Result scan, Path copy) throws IOException {
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
        FileChannel out =
            FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      long at = scan.dataStart();
      for (long[] range : scan.excluded()) {
        transfer(in, at, range[0], out);
        at = range[1];
      }
      transfer(in, at, in.size(), out);
    }
  }

  private static void transfer(FileChannel in, long from, long to, FileChannel out)
      throws IOException {
    long at = from;
    while (at < to) {
      at += in.transferTo(at, to - at, out);
    }
  }

  private void execute(List<String> statements, Path file) throws SQLException {
    for (String s : statements) {
      try (PreparedStatement st = connection.prepareStatement(s)) {
        if (file != null) {
          st.setString(1, file.toString());
        }
        st.execute();
      }
    }
  }

  /** The columns for read_csv: (with {@code line}: {@code _line} BIGINT, then) c1…cN VARCHAR. */
  static String columns(int width, boolean line) {
    List<String> columns = new ArrayList<>();
    if (line) {
      columns.add(SqlFile.literal("_line") + ": 'BIGINT'");
    }
    for (int i = 0; i < width; i++) {
      columns.add(SqlFile.literal(RuleQuery.rawColumn(i)) + ": 'VARCHAR'");
    }
    return "{" + String.join(", ", columns) + "}";
  }
}
