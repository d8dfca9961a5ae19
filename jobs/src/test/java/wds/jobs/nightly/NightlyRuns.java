package wds.jobs.nightly;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import wds.jobs.WdsCli;

/** Running {@code wds} commands in-process and reading what they published, for the e2e tests. */
final class NightlyRuns {

  /** The pseudonymisation secret of the test homes (base64 of 32 bytes, as the key file holds). */
  static final String SECRET =
      Base64.getEncoder()
          .encodeToString("nightly-e2e-secret-0123456789abc".getBytes(StandardCharsets.US_ASCII));

  /** County code of the synthetic county. */
  static final String COUNTY = "652323000000";

  private NightlyRuns() {}

  /** What a command returned and printed. */
  record Run(int exitCode, String output) {}

  static void secret(Path home) throws IOException {
    Path key = home.resolve("state/pseudonym.key");
    Files.createDirectories(key.getParent());
    Files.writeString(key, SECRET);
  }

  static Run nightly(Path home, Path drop) {
    return wds("nightly", "--home", home.toString(), "--drop", drop.toString());
  }

  /** Runs {@code wds args...} with stdout and stderr captured (logback writes to them too). */
  static synchronized Run wds(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    int code;
    try {
      code = WdsCli.commandLine().execute(args);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    String text = buffer.toString(StandardCharsets.UTF_8);
    out.print(text);
    return new Run(code, text);
  }

  /** Runs {@code wds args...} without capturing the output (safe beside other threads). */
  static int wdsUncaptured(String... args) {
    return WdsCli.commandLine().execute(args);
  }

  static Connection readOnly(Path database) throws SQLException {
    Properties p = new Properties();
    p.setProperty("duckdb.read_only", "true");
    return DriverManager.getConnection("jdbc:duckdb:" + database, p);
  }

  static Connection memory() throws SQLException {
    return DriverManager.getConnection("jdbc:duckdb:");
  }

  static List<List<Object>> query(Connection c, String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  static long count(Connection c, String sql) throws SQLException {
    return ((Number) query(c, sql).get(0).get(0)).longValue();
  }

  /** Table names of a catalog's main schema. */
  static List<String> tables(Connection c, String catalog) throws SQLException {
    return query(
            c,
            "SELECT table_name FROM information_schema.tables WHERE table_catalog = '"
                + catalog
                + "' AND table_schema = 'main' ORDER BY 1")
        .stream()
        .map(r -> (String) r.get(0))
        .toList();
  }

  static final AtomicInteger ATTACHED = new AtomicInteger();
}
