package wds.jobs.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import wds.jobs.WdsCli;
import wds.jobs.WdsHome;
import wds.jobs.load.LoadCommand;
import wds.jobs.testsupport.DatabaseServers;
import wds.jobs.testsupport.MariaDb;
import wds.jobs.testsupport.Postgres;
import wds.jobs.testsupport.TestDatabase;
import wds.pipeline.synthetic.CountyGenerator;
import wds.pipeline.synthetic.GeneratorSettings;
import wds.schemas.SchemaCatalog;

/**
 * The same synthetic county, delivered once as files and once with health and HR pulled from their
 * databases (PostgreSQL and MariaDB, seeded from the same files), gives the same warehouse.
 *
 * <p>One difference is in the nature of things: a key the generator delivered twice in one file
 * with different content ({@code DUPLICATE_KEY}, both rows rejected) can only exist once in a
 * source table with a primary key, where the later version is simply the record. Those keys, listed
 * in the generator's {@code injected-faults.csv}, are compared apart.
 */
@ExtendWith(DatabaseServers.class)
class JdbcDeliveryEquivalenceTest {

  private static final List<String> PULLED = List.of("health", "hr");
  private static final SchemaCatalog CATALOG = SchemaCatalog.load();

  @Test
  void aCountyDeliveredAsFilesOrThroughItsDatabasesGivesTheSameOperationalLayer(
      @TempDir Path dir, @Postgres TestDatabase health, @MariaDb TestDatabase hr) throws Exception {
    GeneratorSettings settings =
        GeneratorSettings.defaults().withPersons(3000).withBadRowRate(0.01);
    Path night1 = dir.resolve("night1");
    Path night2 = dir.resolve("night2");
    CountyGenerator.generate(settings, night1);
    CountyGenerator.generateDelta(night1, night2, null, null);
    LocalDate day1 = settings.date();
    LocalDate day2 = day1.plusDays(1);

    WdsHome files = home(dir.resolve("files"));
    WdsHome jdbc = home(dir.resolve("jdbc"));
    Path fileDrop = dir.resolve("file-drop");
    Path jdbcDrop = dir.resolve("jdbc-drop");

    for (Path night : List.of(night1, night2)) {
      LocalDate day = night == night1 ? day1 : day2;
      copyDelivery(night, fileDrop, List.of());
      assertThat(LoadCommand.run(files, fileDrop, 0)).as("file load of " + day).isZero();

      copyDelivery(night, jdbcDrop, PULLED);
      StringWriter out = new StringWriter();
      CommandLine cli = WdsCli.commandLine();
      cli.setOut(new java.io.PrintWriter(out));
      cli.setErr(new java.io.PrintWriter(out));
      int seeded =
          cli.execute(
              "seed-sources",
              "--drop",
              night.toString(),
              "--source",
              "health=" + health.url(),
              "--source",
              "hr=" + hr.url());
      assertThat(seeded).as(out.toString()).isZero();
      Properties before = (Properties) System.getProperties().clone();
      try {
        configure("health", health, dir);
        configure("hr", hr, dir);
        System.setProperty("wds.jdbc.pull-date", day.toString());
        assertThat(LoadCommand.run(jdbc, jdbcDrop, 0)).as("jdbc load of " + day).isZero();
      } finally {
        System.setProperties(before);
      }
    }

    Map<String, Set<String>> duplicates = duplicateKeys(List.of(night1, night2));
    Map<String, String> fromFiles = odsChecksums(files, duplicates);
    Map<String, String> fromDatabases = odsChecksums(jdbc, duplicates);
    assertThat(fromFiles).hasSizeGreaterThan(10);
    assertThat(fromDatabases).isEqualTo(fromFiles);
    assertThat(duplicates).as("the county has duplicate-key faults to compare apart").isNotEmpty();
    assertEachDuplicateIsOneRecordThroughTheDatabases(jdbc, duplicates);
    assertThat(fromFiles.get("ods_health__births")).doesNotStartWith("0 rows");
    assertThat(fromFiles.get("ods_hr__insurance")).doesNotStartWith("0 rows");

    try (Connection c = readOnly(jdbc);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FILTER (WHERE source IN ('health', 'hr')), count(*)"
                    + " FROM etl_watermark")) {
      rs.next();
      assertThat(rs.getLong(1)).as("a mark per pulled extract with rows").isPositive();
      assertThat(rs.getLong(2)).isEqualTo(rs.getLong(1));
    }
  }

  /** {@code ods_<source>__<extract>} to the keys injected as DUPLICATE_KEY in pulled sources. */
  private static Map<String, Set<String>> duplicateKeys(List<Path> nights) throws IOException {
    Map<String, Set<String>> keys = new HashMap<>();
    for (Path night : nights) {
      for (String line : Files.readAllLines(night.resolve(CountyGenerator.FAULTS_FILE))) {
        String[] f = line.split(",");
        if (f.length == 6 && f[5].equals("DUPLICATE_KEY") && PULLED.contains(f[0])) {
          keys.computeIfAbsent("ods_" + f[0] + "__" + f[1], k -> new HashSet<>()).add(f[4]);
        }
      }
    }
    return keys;
  }

  private static void assertEachDuplicateIsOneRecordThroughTheDatabases(
      WdsHome jdbc, Map<String, Set<String>> duplicates) throws Exception {
    for (Map.Entry<String, Set<String>> table : duplicates.entrySet()) {
      for (String key : table.getValue()) {
        assertThat(count(jdbc, table.getKey(), key)).as(table.getKey() + " " + key).isEqualTo(1);
      }
    }
  }

  private static long count(WdsHome home, String table, String key) throws Exception {
    String column =
        CATALOG
            .get(table.substring(4, table.indexOf("__")), table.substring(table.indexOf("__") + 2))
            .primaryKey()
            .get(0);
    try (Connection c = readOnly(home);
        java.sql.PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM " + table + " WHERE " + column + " = ?")) {
      s.setString(1, key);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void configure(String source, TestDatabase db, Path dir) throws IOException {
    String p = "wds.sources." + source + ".";
    System.setProperty(p + "connector", "jdbc");
    System.setProperty(p + "url", db.urlWithoutPassword());
    if (db.user() != null) {
      System.setProperty(p + "user", db.user());
    }
    if (db.password() != null) {
      Path file = Files.writeString(dir.resolve(source + ".password"), db.password());
      System.setProperty(p + "password-file", file.toString());
    }
    System.setProperty(p + "fetch-size", "97");
  }

  private static WdsHome home(Path root) throws IOException {
    WdsHome home = new WdsHome(root).create();
    Files.writeString(home.pseudonymKey(), "equivalence-test-key-0123456789abcdef");
    return home;
  }

  /** Copies a generated night into a drop folder, leaving out the sources pulled over JDBC. */
  private static void copyDelivery(Path night, Path drop, List<String> except) throws IOException {
    try (Stream<Path> sources = Files.list(night)) {
      for (Path source : sources.filter(Files::isDirectory).toList()) {
        if (except.contains(source.getFileName().toString())) {
          continue;
        }
        Path target = Files.createDirectories(drop.resolve(source.getFileName().toString()));
        try (Stream<Path> files = Files.list(source)) {
          for (Path f : files.toList()) {
            Files.copy(f, target.resolve(f.getFileName().toString()));
          }
        }
      }
    }
  }

  private static Connection readOnly(WdsHome home) throws Exception {
    Properties p = new Properties();
    p.setProperty("duckdb.read_only", "true");
    return DriverManager.getConnection("jdbc:duckdb:" + home.workDatabase(), p);
  }

  /**
   * Per ODS table: its row count and a SHA-256 of its rows in a fixed order, every column but
   * {@code _origin} (a file name on one side, a table name on the other).
   */
  private static Map<String, String> odsChecksums(WdsHome home, Map<String, Set<String>> apart)
      throws Exception {
    Map<String, String> sums = new LinkedHashMap<>();
    try (Connection c = readOnly(home)) {
      List<String> tables;
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT table_name FROM information_schema.tables"
                      + " WHERE table_name LIKE 'ods\\_%' ESCAPE '\\' ORDER BY table_name")) {
        List<String> names = new java.util.ArrayList<>();
        while (rs.next()) {
          names.add(rs.getString(1));
        }
        tables = names;
      }
      for (String table : tables) {
        Set<String> skip = apart.getOrDefault(table, Set.of());
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long rows = 0;
        try (Statement s = c.createStatement();
            ResultSet rs =
                s.executeQuery("SELECT * EXCLUDE (_origin) FROM " + table + " ORDER BY ALL")) {
          ResultSetMetaData md = rs.getMetaData();
          while (rs.next()) {
            if (!skip.isEmpty() && skip.contains(rs.getString(1))) {
              continue;
            }
            rows++;
            for (int i = 1; i <= md.getColumnCount(); i++) {
              sha.update(String.valueOf(rs.getObject(i)).getBytes(StandardCharsets.UTF_8));
              sha.update((byte) 0x1f);
            }
            sha.update((byte) '\n');
          }
        }
        sums.put(table, rows + " rows " + HexFormat.of().formatHex(sha.digest()));
      }
    }
    return sums;
  }
}
