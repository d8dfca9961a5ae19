package wds.pipeline.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staging files hold raw identity numbers: they stay in the home's quarantine, owner only, and what
 * a killed load left there is gone once the next loader starts.
 */
class StagingFolderTest {

  @TempDir Path home;

  @Test
  void aStagingFolder_isMadeInTheQuarantine_readableByItsOwnerOnly() throws Exception {
    Path quarantine = home.resolve("quarantine");

    Path folder = StagingFolder.create(quarantine);

    assertThat(folder.getParent()).isEqualTo(quarantine);
    assertThat(folder.getFileName().toString()).startsWith(".staging-");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(quarantine)))
        .isEqualTo("rwx------");
  }

  @Test
  void aKilledLoadsStagingFiles_areRemovedWhenTheNextLoaderStarts_theQuarantineIsKept()
      throws Exception {
    Path quarantine = home.resolve("quarantine");
    Path left = StagingFolder.create(quarantine);
    Files.writeString(left.resolve("ids.csv"), "\"110101199003070021\"\n", StandardCharsets.UTF_8);
    Path kept = Files.createDirectories(quarantine.resolve("health"));
    Files.writeString(kept.resolve("births_20250302.csv"), "line,reason\n");

    new LoaderFixture(home).close(); // the next load's loader starts, and reads nothing

    assertThat(left).doesNotExist();
    try (Stream<Path> files = Files.walk(quarantine)) {
      assertThat(files.filter(Files::isRegularFile))
          .containsExactly(kept.resolve("births_20250302.csv"));
    }
  }

  @Test
  void aLoad_leavesNoStagingFolderBehind() throws Exception {
    try (LoaderFixture fixture = new LoaderFixture(home)) {
      fixture
          .drop
          .delivery("population", DeliveryLoaderTest.NIGHT1)
          .file("areas", "full", Rows.AREAS, Rows.areas("2025-01-01T00:00:00"))
          .write();
      fixture
          .drop
          .delivery("civil", DeliveryLoaderTest.NIGHT1)
          .file(
              "assistance",
              "delta",
              Rows.ASSISTANCE,
              Rows.case_("A1", 1, "300", "2025-02-01T10:00:00", "N"))
          .write();
      assertThat(fixture.loadAll())
          .extracting(DeliveryResult::outcome)
          .containsOnly(DeliveryResult.Outcome.LOADED);
      assertThat(fixture.count("SELECT count(*) FROM ods_civil__assistance")).isEqualTo(1);
    }
    try (Stream<Path> files = Files.list(home.resolve("quarantine"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith(".staging-"));
    }
  }

  @Test
  void duckDbsSpillOfALoad_goesToTheQuarantine_notBesideTheWorkDatabase() throws Exception {
    try (LoaderFixture fixture = new LoaderFixture(home);
        Statement st = fixture.connection().createStatement()) {
      // a sort of ~250 MB of text under a 64 MB limit has to spill
      st.execute("SET memory_limit = '64MB'");
      try (ResultSet rs =
          st.executeQuery(
              "SELECT count(*) FROM (SELECT md5(range::VARCHAR) || md5((range + 1)::VARCHAR) AS h"
                  + " FROM range(3000000) ORDER BY h)")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(3_000_000L);
      }

      assertThat(home.resolve("quarantine").resolve(StagingFolder.SPILL)).isDirectory();
      assertThat(home.resolve("warehouse/work.duckdb.tmp")).doesNotExist();
    }
  }
}
