package wds.pipeline.load;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import wds.pipeline.read.RawRecord;
import wds.pipeline.read.RecordReader;
import wds.pipeline.validate.RecordShape;
import wds.pipeline.validate.RuleQuery;
import wds.schemas.sql.SqlFile;

/**
 * Lands one file or pull in its raw table: every well-formed record as delivered, all VARCHAR, with
 * its line; the malformed ones (by the reader, or by {@link RecordShape}) are handed back, in line
 * order, for the quarantine.
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

  /** Reads every record of {@code reader} into the raw table; {@code progress} hears the count. */
  Landed land(RecordReader reader, List<String> header, LongConsumer progress)
      throws IOException, SQLException {
    RecordShape shape = new RecordShape(header);
    List<Malformed> malformed = new ArrayList<>();
    Path file = folder.resolve("raw.csv");
    long read = 0;
    try (RawCsvWriter out = new RawCsvWriter(file, header.size())) {
      RawRecord record;
      while ((record = reader.next()) != null) {
        read++;
        String fault = shape.fault(record);
        if (fault == null) {
          out.write(record);
        } else {
          malformed.add(new Malformed(record, fault));
        }
        if (read % ExtractStager.PROGRESS_EVERY == 0) {
          progress.accept(read);
        }
      }
    }
    try (PreparedStatement st =
        connection.prepareStatement(
            sql.sql("create_raw_table", Map.of("raw_columns", rawColumns(header.size()))).get(0))) {
      st.setString(1, file.toString());
      st.execute();
    }
    return new Landed(read, malformed);
  }

  /** The raw table's columns for read_csv: {@code _line} BIGINT, then c1…cN VARCHAR. */
  static String rawColumns(int width) {
    List<String> columns = new ArrayList<>();
    columns.add(SqlFile.literal("_line") + ": 'BIGINT'");
    for (int i = 0; i < width; i++) {
      columns.add(SqlFile.literal(RuleQuery.rawColumn(i)) + ": 'VARCHAR'");
    }
    return "{" + String.join(", ", columns) + "}";
  }
}
