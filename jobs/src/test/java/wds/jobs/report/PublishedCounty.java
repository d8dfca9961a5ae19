package wds.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
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
import picocli.CommandLine;
import wds.jobs.WdsCli;
import wds.pipeline.synthetic.CountyGenerator;
import wds.pipeline.synthetic.GeneratorSettings;

/**
 * A home with a generated county (the product's generator, delivered on its default date, two weeks
 * into 2026) loaded and published by the nightly job run in-process: built once per test JVM and
 * shared by the report tests, which only read it and write reports elsewhere.
 */
final class PublishedCounty {

  private static Path home;

  private PublishedCounty() {}

  /** What a command returned and printed (stdout and stderr). */
  record Run(int exitCode, String out, String err) {}

  /** The home, published on first use. */
  static synchronized Path home() throws IOException {
    if (home == null) {
      Path root = Files.createTempDirectory("wds-report-test");
      Path drop = root.resolve("drop");
      CountyGenerator.generate(GeneratorSettings.defaults().withPersons(4_000).withSeed(31), drop);
      Path published = root.resolve("home");
      Path key = published.resolve("state/pseudonym.key");
      Files.createDirectories(key.getParent());
      Files.writeString(
          key,
          Base64.getEncoder()
              .encodeToString(
                  "report-test-secret-0123456789abc".getBytes(StandardCharsets.US_ASCII)));
      Run nightly = wds("nightly", "--home", published.toString(), "--drop", drop.toString());
      assertThat(nightly.exitCode()).as("nightly: %s %s", nightly.out(), nightly.err()).isZero();
      home = published;
    }
    return home;
  }

  /** Runs {@code wds args...} in-process, its console captured. */
  static Run wds(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine cli = WdsCli.commandLine();
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    int code = cli.execute(args);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** A read-only connection to the home's current snapshot. */
  static Connection snapshot() throws Exception {
    Connection c = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement st = c.createStatement()) {
      st.execute(
          "ATTACH '"
              + home().resolve("snapshots/current.duckdb").toRealPath()
              + "' AS snap (READ_ONLY)");
    }
    return c;
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
}
