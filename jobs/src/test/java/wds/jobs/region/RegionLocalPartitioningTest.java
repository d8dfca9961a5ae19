package wds.jobs.region;

import static org.assertj.core.api.Assertions.assertThat;
import static wds.jobs.region.RegionChecks.single;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import wds.jobs.CommandOutput;
import wds.jobs.DisplayWidth;
import wds.warehouse.publish.Snapshots;

/**
 * The region's nightly in local mode ({@code partitioning: mode: local}): the manager's own thread
 * pool runs the counties' nightlies, no broker, the job repository in the region's home. A region
 * of three small counties, one night that succeeds, then one where a county fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegionLocalPartitioningTest {

  /** The largest county's persons: a few hundred each, the smallest at its floor of 100 and up. */
  private static final int PERSONS = 600;

  private static final String FAILING = "652327000000";
  private static final String REFUSED = "652323000000";
  private static final String SOUND = "652324000000";

  @TempDir static Path dir;

  private static Path file;

  @BeforeAll
  static void region() throws Exception {
    file = Regions.file(dir, "partitioning:\n  mode: local\n  threads: 2\n");
    Regions.generate(file, PERSONS);
  }

  @Test
  @Order(1)
  void nightlyRegion_InLocalMode_ThenEveryCountyIsPublishedAndTheRegionIsBuiltFromThem()
      throws Exception {
    CommandOutput run = CommandOutput.run("nightly", "--region", file.toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    RegionFile region = RegionFile.load(file);
    List<String> countySnapshots = new ArrayList<>();
    for (RegionFile.County c : region.counties()) {
      assertThat(new Snapshots(c.home().snapshots()).current())
          .as("county " + c.code() + " published its snapshot in its own home")
          .isPresent();
      countySnapshots.add(
          new Snapshots(c.home().snapshots()).requireCurrent().getFileName().toString());
    }
    try (Connection conn = RegionChecks.snapshot(region);
        Statement st = conn.createStatement()) {
      assertThat(
              single(st, "select count(*) from region_county where night = 'done' and not stale"))
          .isEqualTo(3);
      // the region read each county's snapshot of tonight
      List<String> read = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("select snapshot from region_county order by 1")) {
        while (rs.next()) {
          read.add(rs.getString(1));
        }
      }
      assertThat(read).containsExactlyInAnyOrderElementsOf(countySnapshots);
    }
    RegionChecks.assertPrefectureIsSummed(region, 3);
    RegionChecks.assertLakeOpensWithHivePartitioning(region, 3, SOUND, 2024);
    // the manager's pool of two threads ran two counties at once
    assertThat(overlappingPartitions(region)).as("partitions running side by side").isPositive();
  }

  @Test
  @Order(2)
  void nightlyRegion_AgainWithNothingNew_ThenEveryCountyAndTheRegionKeepTheirSnapshots()
      throws Exception {
    RegionFile region = RegionFile.load(file);
    Path regionBefore = new Snapshots(region.home().snapshots()).requireCurrent();
    List<Path> countiesBefore = new ArrayList<>();
    for (RegionFile.County c : region.counties()) {
      countiesBefore.add(new Snapshots(c.home().snapshots()).requireCurrent());
    }

    CommandOutput run = CommandOutput.run("nightly", "--region", file.toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains("nothing changed since " + regionBefore.getFileName() + " was published; kept");
    assertThat(new Snapshots(region.home().snapshots()).requireCurrent()).isEqualTo(regionBefore);
    List<Path> countiesAfter = new ArrayList<>();
    for (RegionFile.County c : region.counties()) {
      countiesAfter.add(new Snapshots(c.home().snapshots()).requireCurrent());
    }
    assertThat(countiesAfter).isEqualTo(countiesBefore);
  }

  @Test
  @Order(3)
  void nightlyRegion_WhenACountyFailsInLocalMode_ThenTheOthersCompleteAndItsLastGoodDataIsStale()
      throws Exception {
    RegionFile region = RegionFile.load(file);
    String lastGood =
        new Snapshots(region.county(FAILING).home().snapshots())
            .requireCurrent()
            .getFileName()
            .toString();
    // a county whose drop is broken: its drop folder is a file, its nightly fails (exit 1)
    Path drop = region.county(FAILING).drop();
    Files.move(drop, drop.resolveSibling("moved-away"));
    Files.writeString(drop, "not a folder\n");
    // another county's new delivery has an unreadable manifest: refused (exit 2), not a failure
    Path manifest = newestManifest(region.county(REFUSED).drop());
    Files.writeString(nextNight(manifest), "{ this is not json");

    CommandOutput run = CommandOutput.run("nightly", "--region", file.toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.out())
        .contains("county " + FAILING + " 吉木萨尔县: failed (")
        .contains("county " + REFUSED + " 呼图壁县: refused (")
        .contains("county " + SOUND + " 玛纳斯县: done");
    try (Connection conn = RegionChecks.snapshot(region);
        Statement st = conn.createStatement()) {
      assertThat(nightOf(st, FAILING)).isEqualTo("failed|true|" + lastGood);
      assertThat(nightOf(st, REFUSED)).startsWith("refused|false|");
      assertThat(nightOf(st, SOUND)).startsWith("done|false|");
      assertThat(
              single(
                  st,
                  "select count(*) from indicator_value where area_level = 'county'"
                      + " and area_code = '"
                      + FAILING
                      + "'"))
          .as("the failed county's last good rows stand in")
          .isPositive();
    }
    RegionChecks.assertPrefectureIsSummed(region, 3);

    CommandOutput status = CommandOutput.run("status", "--region", file.toString());

    assertThat(status.exitCode()).as(status.err()).isZero();
    List<String> table =
        status.out().lines().filter(l -> l.startsWith("county") || l.startsWith("65")).toList();
    assertThat(table).hasSize(4);
    assertThat(table.stream().filter(l -> l.contains("STALE")))
        .singleElement()
        .asString()
        .startsWith(FAILING)
        .contains(lastGood);
  }

  @Test
  @Order(4)
  void statusRegion_AlignsColumnsAfterChineseNames() {
    CommandOutput status = CommandOutput.run("status", "--region", file.toString());

    assertThat(status.exitCode()).as(status.err()).isZero();
    List<String> table =
        status.out().lines().filter(l -> l.startsWith("county") || l.startsWith("65")).toList();
    assertThat(table).hasSize(4);
    // names of four and five characters (8 and 10 columns): every column starts where the
    // header's does, counted in terminal columns
    List<Integer> header = columnStarts(table.get(0));
    assertThat(header).hasSize(6);
    for (String line : table) {
      assertThat(columnStarts(line).subList(0, 6)).as(line).isEqualTo(header);
    }
  }

  /** The terminal column where each column of a status line starts (columns: 2+ spaces apart). */
  private static List<Integer> columnStarts(String line) {
    List<Integer> starts = new ArrayList<>();
    Matcher m = Pattern.compile("\\S+(?: \\S+)*").matcher(line);
    while (m.find()) {
      starts.add(DisplayWidth.of(line.substring(0, m.start())));
    }
    return starts;
  }

  private static String nightOf(Statement st, String county) throws Exception {
    try (ResultSet rs =
        st.executeQuery(
            "select night || '|' || stale || '|' || coalesce(snapshot, '-') from region_county"
                + " where county_code = '"
                + county
                + "'")) {
      assertThat(rs.next()).as("region_county row of " + county).isTrue();
      return rs.getString(1);
    }
  }

  /** Pairs of county partitions whose runs overlapped, from the region's job repository. */
  private static long overlappingPartitions(RegionFile region) throws Exception {
    String url = "jdbc:h2:file:" + region.home().jobRepository() + ";AUTO_SERVER=TRUE";
    try (Connection conn = DriverManager.getConnection(url, "sa", "");
        Statement st = conn.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select start_time, end_time from batch_step_execution"
                    + " where step_name like 'countyNightly%'")) {
      List<Timestamp[]> runs = new ArrayList<>();
      while (rs.next()) {
        runs.add(new Timestamp[] {rs.getTimestamp(1), rs.getTimestamp(2)});
      }
      assertThat(runs).hasSize(3);
      long overlapping = 0;
      for (int i = 0; i < runs.size(); i++) {
        for (int j = i + 1; j < runs.size(); j++) {
          if (runs.get(i)[0].before(runs.get(j)[1]) && runs.get(j)[0].before(runs.get(i)[1])) {
            overlapping++;
          }
        }
      }
      return overlapping;
    }
  }

  private static Path newestManifest(Path drop) throws Exception {
    try (Stream<Path> files = Files.walk(drop)) {
      return files
          .filter(f -> f.getFileName().toString().matches("manifest_\\d{8}\\.json"))
          .max(java.util.Comparator.comparing(f -> f.getFileName().toString()))
          .orElseThrow();
    }
  }

  /** The manifest of the night after {@code manifest}'s, beside it. */
  private static Path nextNight(Path manifest) {
    String name = manifest.getFileName().toString();
    java.time.LocalDate day =
        java.time.LocalDate.parse(
            name.substring(9, 17), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    return manifest.resolveSibling(
        "manifest_"
            + day.plusDays(1).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
            + ".json");
  }
}
