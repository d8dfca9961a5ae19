package wds.jobs.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import wds.jobs.WdsCli;
import wds.jobs.WdsHome;
import wds.pipeline.synthetic.CountyGenerator;
import wds.pipeline.synthetic.GeneratorSettings;

/**
 * A small generated county, loaded and published by the nightly job run in-process, with one
 * dashboard user and the dashboard started on a free port: shared by the serve tests of one JVM
 * (generating and publishing once costs a minute on the shared machine).
 */
final class ServedCounty {

  static final String USER = "alice";
  static final String PASSWORD = "correct-horse-battery";

  private static ServedCounty shared;

  final Path root;
  final WdsHome home;
  final ConfigurableApplicationContext context;

  private ServedCounty(Path root) throws IOException {
    this.root = root;
    this.home = new WdsHome(root.resolve("home"));
    Path drop = root.resolve("drop");
    CountyGenerator.generate(GeneratorSettings.defaults().withPersons(3_000).withSeed(41), drop);
    Path key = home.pseudonymKey();
    Files.createDirectories(key.getParent());
    Files.writeString(
        key,
        Base64.getEncoder()
            .encodeToString(
                "serve-test-secret-0123456789abcd".getBytes(StandardCharsets.US_ASCII)));
    int nightly =
        WdsCli.commandLine()
            .execute("nightly", "--home", home.root().toString(), "--drop", drop.toString());
    assertThat(nightly).as("the nightly job's exit code").isIn(0, 2);
    Users.of(home.state()).put(USER, PASSWORD.toCharArray());
    this.context = WdsServeApplication.start(home, "127.0.0.1", 0, Map.of());
  }

  /** The county of this JVM, made on first use. */
  static synchronized ServedCounty get() throws IOException {
    if (shared == null) {
      Path root = Files.createTempDirectory("wds-serve-test");
      shared = new ServedCounty(root);
      ServedCounty county = shared;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    county.context.close();
                    deleteTree(root);
                  }));
    }
    return shared;
  }

  /** The first township of the county. */
  String township() throws java.sql.SQLException {
    return first("select min(area_code) from dim_area where area_level = 'township'");
  }

  /** The first indicator broken down by sex. */
  String bySexIndicator() throws java.sql.SQLException {
    return first("select min(code) from indicator where by_sex");
  }

  private String first(String sql) throws java.sql.SQLException {
    try (java.sql.Connection c =
            new wds.warehouse.publish.Snapshots(home.snapshots()).openCurrent();
        java.sql.ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void deleteTree(Path root) {
    try (var files = Files.walk(root)) {
      files
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(
              f -> {
                try {
                  Files.deleteIfExists(f);
                } catch (IOException e) {
                  // best effort: a temporary folder
                }
              });
    } catch (IOException e) {
      // best effort
    }
  }

  int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }
}
