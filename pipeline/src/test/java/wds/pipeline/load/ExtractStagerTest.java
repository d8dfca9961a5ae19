package wds.pipeline.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.pipeline.person.IdentityNumber;
import wds.pipeline.pseudonym.Pseudonymiser;
import wds.pipeline.read.RawRecord;
import wds.pipeline.read.RecordReader;
import wds.pipeline.validate.RejectReason;
import wds.pipeline.validate.ValidationContext;
import wds.schemas.ExtractSchema;
import wds.schemas.sql.SqlFile;

/**
 * Staging one file: every record counted once, the rejected ones in the quarantine in line order
 * with their keys kept, progress heard, and a file that fails half way leaves nothing behind.
 */
class ExtractStagerTest {

  private static final ExtractSchema SCHEMA = LoaderFixture.CATALOG.get("civil", "assistance");
  private static final String ID =
      IdentityNumber.of("652323", LocalDate.of(1990, 5, 1), 122).normalised();
  private static final ValidationContext CONTEXT =
      new ValidationContext(
          LocalDate.of(2025, 3, 2),
          Set.of("652323101001"),
          Set.of(),
          Pseudonymiser.fromKey(LoaderFixture.SECRET));

  @TempDir Path dir;

  @Test
  void manyRecords_quarantineInLineOrderAndCountEveryRecordOnce() throws Exception {
    int records = 20_000;
    List<Long> progress = new ArrayList<>();
    LoadListener listener =
        new LoadListener() {
          @Override
          public void progress(ExtractProgress p) {
            progress.add(p.rowsRead());
          }
        };
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      StagedExtract staged =
          new ExtractStager(c, listener, dir.resolve("q"))
              .stage(
                  SCHEMA, source(records, Long.MAX_VALUE), LoadMode.FULL, CONTEXT, quarantines());
      staged.quarantine().commit();

      long rejected = records / 7;
      assertThat(staged.rowsRead()).isEqualTo(records);
      assertThat(staged.rejects()).isEqualTo(Map.of(RejectReason.BAD_CODE, rejected));
      assertThat(staged.rowsLoaded()).isEqualTo(records - rejected);
      assertThat(count(c, staged.statements().stagingTable())).isEqualTo(records - rejected);
      assertThat(count(c, staged.statements().rejectedKeysTable())).isEqualTo(rejected);
      assertThat(progress).isNotEmpty().endsWith((long) records);
    }
    List<Long> lines;
    try (Stream<Path> files = Files.walk(dir.resolve("q"))) {
      Path q = files.filter(Files::isRegularFile).findFirst().orElseThrow();
      lines =
          Files.readAllLines(q, StandardCharsets.UTF_8).stream()
              .skip(1)
              .map(l -> Long.parseLong(l.split(",")[4]))
              .toList();
    }
    assertThat(lines).hasSize(records / 7).isSorted();
  }

  @Test
  void aFileFailingHalfWay_failsItsStagingAndLeavesNothingBehind() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      ExtractStager stager = new ExtractStager(c, new LoadListener() {}, dir.resolve("q"));
      assertThatThrownBy(
              () ->
                  stager.stage(
                      SCHEMA, source(1_000_000, 3_000), LoadMode.FULL, CONTEXT, quarantines()))
          .isInstanceOf(IOException.class)
          .hasMessage("boom at 3000");
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'stage_%'")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
    }
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }

  private ExtractStager.QuarantineFactory quarantines() {
    return (schema, origin, header) ->
        QuarantineFile.of(
            dir.resolve("q"),
            schema.source(),
            schema.extract(),
            CONTEXT.extractDate(),
            origin,
            header,
            false);
  }

  private static long count(Connection c, String table) throws Exception {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM " + SqlFile.quote(table))) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Records of lines 2, 3, …; every 7th line with a program outside its list; failing at a line.
   */
  private static RecordSource source(int records, long failAt) {
    List<String> header = SCHEMA.columns().stream().map(c -> c.name()).toList();
    return new RecordSource() {
      @Override
      public String origin() {
        return "assistance.csv";
      }

      @Override
      public RecordReader open() {
        return new RecordReader() {
          long line = 1;

          @Override
          public List<String> header() {
            return header;
          }

          @Override
          public RawRecord next() throws IOException {
            if (line - 1 >= records) {
              return null;
            }
            line++;
            if (line == failAt) {
              throw new IOException("boom at " + failAt);
            }
            String program = line % 7 == 0 ? "none" : "dibao_urban";
            // case_no, id_number, program, start_date, end_date, monthly_amount, area, updated_at,
            // deleted
            return RawRecord.of(
                line,
                "C" + line,
                ID,
                program,
                "2024-01-01",
                "",
                "350.5",
                "652323101001",
                "2025-03-01T08:00:00",
                "N");
          }

          @Override
          public void close() {}
        };
      }
    };
  }
}
