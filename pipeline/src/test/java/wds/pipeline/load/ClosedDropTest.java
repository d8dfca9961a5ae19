package wds.pipeline.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import wds.pipeline.synthetic.CountyGenerator;
import wds.pipeline.synthetic.GeneratorSettings;

/**
 * Issue 9, findings 4 and 5: the drop is a closed world. A file, manifest or source folder that is
 * a link to somewhere outside the drop is refused and the message says so; a FIFO or a directory
 * where a file is expected is refused by what it is; a data file the manifest does not list is
 * audited as ignored. Built on a generated county; every other source loads.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a FIFO read by mistake would block for ever
class ClosedDropTest {

  @TempDir static Path generated;
  @TempDir Path home;
  Path drop;
  Path outside;

  @BeforeAll
  static void generate() {
    CountyGenerator.generate(GeneratorSettings.defaults().withPersons(300), generated);
  }

  @BeforeEach
  void copy() throws Exception {
    drop = home.resolve("drop");
    DropEdits.copy(generated, drop);
    outside = Files.createDirectories(home.resolve("elsewhere"));
  }

  private Path births() throws Exception {
    return DropEdits.file(drop.resolve("health"), "births");
  }

  private List<DeliveryResult> assertRefusedAlone(String source, String fault) throws Exception {
    try (LoaderFixture fx = new LoaderFixture(home)) {
      List<DeliveryResult> results = fx.loadAll();
      assertThat(results).hasSize(6);
      for (DeliveryResult r : results) {
        if (r.source().equals(source)) {
          assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.REFUSED);
          assertThat(r.message()).contains(fault);
        } else {
          assertThat(r.outcome()).as(r.source()).isEqualTo(DeliveryResult.Outcome.LOADED);
        }
      }
      assertThat(
              fx.rows("SELECT status, message FROM etl_delivery WHERE source = '" + source + "'"))
          .isNotEmpty()
          .allSatisfy(
              row -> {
                assertThat(row.get(0)).isEqualTo("refused");
                assertThat(row.get(1)).contains(fault);
              });
      if (source.equals("health")) {
        assertThat(fx.count("SELECT count(*) FROM ods_health__births")).isZero();
      }
      return results;
    }
  }

  @Test
  void dataFileLinkedOutside_isRefused_andSaysSo() throws Exception {
    Path births = births();
    Path moved = Files.move(births, outside.resolve(births.getFileName()));
    Files.createSymbolicLink(births, moved);

    assertRefusedAlone(
        "health", births.getFileName() + " lies outside the drop folder (a link to elsewhere)");
  }

  @Test
  void manifestLinkedOutside_isRefused() throws Exception {
    Path manifest = DropEdits.manifest(drop.resolve("health"));
    Path moved = Files.move(manifest, outside.resolve(manifest.getFileName()));
    Files.createSymbolicLink(manifest, moved);

    assertRefusedAlone("health", manifest.getFileName() + " lies outside the drop folder");
  }

  @Test
  void sourceFolderLinkedOutside_isRefused() throws Exception {
    Path moved = Files.move(drop.resolve("health"), outside.resolve("health"));
    Files.createSymbolicLink(drop.resolve("health"), moved);

    assertRefusedAlone("health", "health/ lies outside the drop folder");
  }

  @Test
  void linkToADevice_isRefused() throws Exception {
    Path births = births();
    Files.delete(births);
    Files.createSymbolicLink(births, Path.of("/dev/zero"));

    assertRefusedAlone("health", births.getFileName() + " lies outside the drop folder");
  }

  @Test
  void fifoInPlaceOfAFile_isRefusedByName() throws Exception {
    Path births = births();
    Files.delete(births);
    mkfifo(births);

    assertRefusedAlone("health", births.getFileName() + " is a FIFO, not a file");
  }

  @Test
  void fifoInPlaceOfTheManifest_isRefusedByName() throws Exception {
    Path manifest = DropEdits.manifest(drop.resolve("health"));
    Files.delete(manifest);
    mkfifo(manifest);

    assertRefusedAlone("health", manifest.getFileName() + " is a FIFO, not a file");
  }

  @Test
  void directoryInPlaceOfAFile_isRefusedByName() throws Exception {
    Path births = births();
    Files.delete(births);
    Files.createDirectory(births);

    assertRefusedAlone("health", births.getFileName() + " is a directory, not a file");
  }

  @Test
  void linkInsideTheDrop_isFollowed() throws Exception {
    Path births = births();
    Path moved = Files.move(births, drop.resolve(births.getFileName()));
    Files.createSymbolicLink(births, moved);

    try (LoaderFixture fx = new LoaderFixture(home)) {
      assertThat(fx.loadAll())
          .extracting(DeliveryResult::outcome)
          .containsOnly(DeliveryResult.Outcome.LOADED);
    }
  }

  @Test
  void unlistedDataFile_isAuditedAsIgnored_andTheDeliveryLoads() throws Exception {
    Path births = births();
    String stray = births.getFileName().toString().replace("births", "births_copy");
    Files.copy(births, births.resolveSibling(stray));

    try (LoaderFixture fx = new LoaderFixture(home)) {
      assertThat(fx.loadAll())
          .extracting(DeliveryResult::outcome)
          .containsOnly(DeliveryResult.Outcome.LOADED);
      assertThat(
              fx.rows(
                  "SELECT source, file, status, rows_read, rows_loaded, rows_rejected, message"
                      + " FROM etl_delivery WHERE status = 'ignored'"))
          .containsExactly(
              List.of(
                  "health",
                  stray,
                  "ignored",
                  "0",
                  "0",
                  "0",
                  "not listed in manifest_20260115.json: ignored, never read"));
      // loaded again: recognised as loaded, the stray file not audited twice
      assertThat(fx.loadAll())
          .extracting(DeliveryResult::outcome)
          .containsOnly(DeliveryResult.Outcome.ALREADY_LOADED);
      assertThat(fx.count("SELECT count(*) FROM etl_delivery WHERE status = 'ignored'"))
          .isEqualTo(1);
    }
  }

  private static void mkfifo(Path path) throws Exception {
    Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assertThat(p.waitFor()).isZero();
  }
}
