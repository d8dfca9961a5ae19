package wds.warehouse.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import wds.schemas.sql.SqlFile;

/**
 * The warehouse's copy of the indicator catalogue against the contract's {@code
 * ../shared/spec/indicators.csv}: the build ships the copy (a clone of the repository stands on its
 * own), so the two must not drift apart.
 */
class CatalogueCopyTest {

  /** The contract's catalogue, found in a {@code shared/spec} folder beside a parent folder. */
  static Optional<Path> specCatalogue() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/spec/indicators.csv");
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  @Test
  void catalogue_WhereTheSpecIsBesideTheRepository_ThenTheCopyOnTheClassPathIsTheSameText()
      throws Exception {
    Optional<Path> spec = specCatalogue();
    // Only where both exist: a clone outside the team's workspace has no spec folder to compare.
    Assumptions.assumeTrue(spec.isPresent(), "no shared/spec/indicators.csv above " + Path.of(""));
    String contract = Files.readString(spec.get(), StandardCharsets.UTF_8);
    String copy = SqlFile.text("wds/warehouse/indicators.csv");
    assertThat(copy.replace("\r\n", "\n")).isEqualTo(contract.replace("\r\n", "\n"));
  }

  @Test
  void catalogue_F01_IsTheMeanAgeAtFirstMarriageOfBothSexes() {
    CatalogueEntry f01 =
        IndicatorCatalogue.parse(
                "indicators.csv", SqlFile.text("wds/warehouse/indicators.csv"), java.util.Map.of())
            .get("F01");
    assertThat(f01.nameZh()).isEqualTo("平均初婚年龄");
    assertThat(f01.bySex()).isTrue();
  }
}
