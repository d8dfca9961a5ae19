package wds.jobs.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.jobs.WdsCli;
import wds.pipeline.synthetic.CountyGenerator;
import wds.pipeline.synthetic.GeneratorSettings;

/**
 * The load job's sources after {@code population} on lanes ({@code wds.load.lanes}): the same
 * warehouse, audit and quarantine as one after the other, and really at the same time.
 */
class LoadOnLanesTest {

  private static final GeneratorSettings COUNTY =
      GeneratorSettings.defaults().withPersons(5_000).withBadRowRate(0.002).withSeed(11);

  /** The audit without the times of the run. */
  private static final String AUDIT =
      "SELECT source, extract, delivery_date, file, connector, mode, rows_read, rows_loaded,"
          + " rows_rejected, sha256, status, message, manifest_sha256, rows_absent_deleted"
          + " FROM etl_delivery ORDER BY ALL";

  @TempDir Path tmp;

  @AfterEach
  void defaultLanes() {
    System.clearProperty("wds.load.lanes");
  }

  @Test
  void load_OnTwoLanes_GivesTheWarehouseAuditAndQuarantineOfOneLane() throws Exception {
    Path one = load("one", 1);
    Path two = load("two", 2);

    assertThat(LoadCommandTest.query(two, "SELECT sum(rows) FROM etl_reject").get(0).get(0))
        .as("the delivery has bad rows")
        .isNotEqualTo("null")
        .isNotEqualTo("0");
    assertThat(LoadCommandTest.warehouse(two)).isEqualTo(LoadCommandTest.warehouse(one));
    assertThat(LoadCommandTest.query(two, AUDIT)).isEqualTo(LoadCommandTest.query(one, AUDIT));
    String rejects = "SELECT * FROM etl_reject ORDER BY ALL";
    assertThat(LoadCommandTest.query(two, rejects)).isEqualTo(LoadCommandTest.query(one, rejects));
    Map<String, String> quarantine = files(two.resolve("quarantine"));
    assertThat(quarantine).isNotEmpty().isEqualTo(files(one.resolve("quarantine")));
  }

  @Test
  void load_OnTwoLanes_RunsTheSourcesAfterPopulationAtTheSameTime() throws Exception {
    Path home = load("two", 2);

    List<StepTimes> steps = steps(home);
    assertThat(steps).hasSize(6);
    StepTimes population =
        steps.stream().filter(s -> s.name().equals("loadPopulation")).findFirst().orElseThrow();
    List<StepTimes> others = steps.stream().filter(s -> s != population).toList();
    assertThat(others)
        .as("every other source starts once population has ended")
        .allSatisfy(s -> assertThat(s.start()).isAfterOrEqualTo(population.end()));
    // hr and health are the split's first two flows: their threads start together, and hr (the
    // largest source) is still loading when health has started
    assertThat(overlapping(others)).as("steps running at the same time").isNotEmpty();
  }

  @Test
  void load_OnOneLane_RunsTheSourcesOneAfterTheOther() throws Exception {
    Path home = load("one", 1);

    List<StepTimes> steps = steps(home);
    assertThat(steps).extracting(StepTimes::name).startsWith("loadPopulation").hasSize(6);
    assertThat(overlapping(steps)).isEmpty();
  }

  @Test
  void load_WhenPopulationFails_ThenNoOtherSourceStarts() throws Exception {
    Path home = tmp.resolve("failed");
    CountyGenerator.generate(COUNTY, home.resolve("drop"));
    Deliveries.secret(home);
    System.setProperty("wds.load.lanes", "2");
    // dies inside population's transaction, after its first extract (areas) is merged
    assertThat(
            WdsCli.commandLine()
                .execute("load", "--home", home.toString(), "--fail-after-extracts", "1"))
        .isEqualTo(1);

    assertThat(steps(home)).extracting(StepTimes::name).containsExactly("loadPopulation");
    assertThat(LoadCommandTest.query(home, "SELECT count(*) FROM etl_delivery"))
        .containsExactly(List.of("0"));
  }

  private Path load(String name, int lanes) throws Exception {
    Path home = tmp.resolve(name);
    CountyGenerator.generate(COUNTY, home.resolve("drop"));
    Deliveries.secret(home);
    System.setProperty("wds.load.lanes", Integer.toString(lanes));
    assertThat(LoadCommandTest.load(home)).isZero();
    return home;
  }

  /** A step's run, from the job repository. */
  private record StepTimes(String name, Timestamp start, Timestamp end) {}

  private static List<StepTimes> steps(Path home) throws Exception {
    List<StepTimes> steps = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:h2:file:" + home.resolve("state/jobrepo") + ";AUTO_SERVER=TRUE", "sa", "");
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT step_name, start_time, end_time FROM batch_step_execution"
                    + " ORDER BY start_time")) {
      while (rs.next()) {
        steps.add(new StepTimes(rs.getString(1), rs.getTimestamp(2), rs.getTimestamp(3)));
      }
    }
    return steps;
  }

  /** The pairs of steps whose runs overlap in time. */
  private static List<String> overlapping(List<StepTimes> steps) {
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      for (int j = i + 1; j < steps.size(); j++) {
        StepTimes a = steps.get(i);
        StepTimes b = steps.get(j);
        if (a.start().before(b.end()) && b.start().before(a.end())) {
          pairs.add(a.name() + " with " + b.name());
        }
      }
    }
    return pairs;
  }

  /** Every file under {@code folder} by its relative path, with its content. */
  private static Map<String, String> files(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(f).toString(), Files.readString(f));
      }
    }
    return files;
  }
}
