package wds.jobs.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.jobs.WdsCli;

class LoadCommandTest {

  /** An 18-character identity number anywhere in a text. */
  static final Pattern ID_NUMBER =
      Pattern.compile("(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");

  @TempDir Path tmp;

  @Test
  void load_WhenDeliveriesWait_ThenEveryFileIsLoadedAndAudited() throws Exception {
    Path home = home("a");
    assertThat(load(home)).isZero();

    assertThat(query(home, "SELECT count(*) FROM ods_civil__assistance"))
        .containsExactly(List.of("40")); // keys overlap: C10-C19 are updated, not added
    assertThat(
            query(
                home,
                "SELECT extract, delivery_date, rows_read, rows_loaded, rows_rejected, status FROM etl_delivery ORDER BY 2, 1"))
        .containsExactly(
            List.of("areas", "2025-03-01", "3", "3", "0", "loaded"),
            List.of("assistance", "2025-03-01", "22", "20", "2", "loaded"),
            List.of("assistance", "2025-03-02", "22", "20", "2", "loaded"),
            List.of("assistance", "2025-03-03", "22", "20", "2", "loaded"));
    assertThat(query(home, "SELECT reason, sum(rows) FROM etl_reject GROUP BY 1 ORDER BY 1"))
        .containsExactly(List.of("BAD_ID_FORMAT", "3"), List.of("UNKNOWN_AREA", "3"));
  }

  @Test
  void load_WhenRunAgain_ThenDeliveriesAreRecognisedAsDone() throws Exception {
    Path home = home("a");
    assertThat(load(home)).isZero();
    List<List<String>> audit = query(home, "SELECT * FROM etl_delivery ORDER BY ALL");
    String out = captured(() -> assertThat(load(home)).isZero());
    assertThat(out).contains("4 loaded before");
    assertThat(query(home, "SELECT * FROM etl_delivery ORDER BY ALL")).isEqualTo(audit);
  }

  @Test
  void load_WhenKilledHalfWay_ThenTheNextRunGivesTheSameWarehouseAsAnUninterruptedOne()
      throws Exception {
    Path interrupted = home("interrupted");
    Path uninterrupted = home("uninterrupted");
    // dies inside the third delivery's transaction (areas, assistance 03-01 are committed)
    assertThat(
            WdsCli.commandLine()
                .execute("load", "--home", interrupted.toString(), "--fail-after-extracts", "3"))
        .isEqualTo(1);
    assertThat(query(interrupted, "SELECT count(*) FROM etl_delivery"))
        .containsExactly(List.of("2"));
    assertThat(load(interrupted)).isZero();
    assertThat(load(uninterrupted)).isZero();

    assertThat(warehouse(interrupted)).isEqualTo(warehouse(uninterrupted));
    assertThat(
            query(
                interrupted,
                "SELECT source, extract, delivery_date, file, rows_read, rows_loaded, rows_rejected, sha256, status FROM etl_delivery ORDER BY ALL"))
        .isEqualTo(
            query(
                uninterrupted,
                "SELECT source, extract, delivery_date, file, rows_read, rows_loaded, rows_rejected, sha256, status FROM etl_delivery ORDER BY ALL"));
  }

  @Test
  void load_WithBadRows_KeepsIdentityNumbersAndTheSecretOutOfLogsAndTables() throws Exception {
    Path home = home("a");
    // the home's own path is printed, and JUnit's folder name (junit-<random digits>) can have
    // the shape of an identity number: it is no data, so it is masked before the scan
    // what the operator sees and what the log keeps (<home>/logs/wds.log)
    String out =
        (captured(() -> assertThat(load(home)).isZero())
                + java.nio.file.Files.readString(home.resolve("logs/wds.log")))
            .replace(tmp.toString(), "<tmp>");

    assertThat(out).contains("event=extract_loaded source=civil extract=assistance");
    assertThat(linesWithIdNumbers(out)).as("lines of the output with an identity number").isEmpty();
    assertThat(out).doesNotContain(Deliveries.SECRET);
    String tables =
        String.join("\n", warehouse(home))
            + query(home, "SELECT * FROM etl_delivery")
            + query(home, "SELECT * FROM etl_reject");
    assertThat(linesWithIdNumbers(tables)).as("table rows with an identity number").isEmpty();
    assertThat(tables).doesNotContain(Deliveries.SECRET);
    // ... while the quarantine keeps the raw rows for correction
    assertThat(
            java.nio.file.Files.readString(
                home.resolve("quarantine/civil/20250301/assistance.csv")))
        .contains(Deliveries.id(900));
  }

  /** The lines of {@code text} that hold an identity number, the number masked, for the report. */
  static List<String> linesWithIdNumbers(String text) {
    return text.lines()
        .filter(line -> ID_NUMBER.matcher(line).find())
        .map(line -> ID_NUMBER.matcher(line).replaceAll("<18 characters of an identity number>"))
        .toList();
  }

  private Path home(String name) throws Exception {
    Path home = tmp.resolve(name);
    Deliveries.write(home.resolve("drop"));
    Deliveries.secret(home);
    return home;
  }

  static int load(Path home) {
    return WdsCli.commandLine().execute("load", "--home", home.toString());
  }

  /** Runs something with stdout and stderr captured (logback writes to them too). */
  static String captured(Runnable run) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try {
      run.run();
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    String text = buffer.toString(StandardCharsets.UTF_8);
    out.print(text);
    return text;
  }

  /** Every ODS table's rows, sorted, as text. */
  static List<String> warehouse(Path home) throws Exception {
    List<String> all = new ArrayList<>();
    for (List<String> table :
        query(
            home,
            "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'ods_%' ORDER BY 1")) {
      all.add(table.get(0) + ": " + query(home, "SELECT * FROM " + table.get(0) + " ORDER BY ALL"));
    }
    return all;
  }

  static List<List<String>> query(Path home, String sql) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection("jdbc:duckdb:" + home.resolve("warehouse/work.duckdb"));
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.add(String.valueOf(rs.getObject(i)));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
