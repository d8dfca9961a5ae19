package wds.pipeline.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The same settings give the same bytes; another seed gives another county. */
class DeterminismTest {

  @TempDir Path tmp;

  static Stream<Long> seeds() {
    return Stream.of(1L, 20260115L);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void sameSeedGivesByteIdenticalDeliveries(long seed) throws IOException {
    GeneratorSettings s =
        GeneratorSettings.defaults()
            .withPersons(2_500)
            .withSeed(seed)
            .withBadRowRate(0.002)
            .withEducationFormat(EducationFormat.XLSX);
    CountyGenerator.generate(s, tmp.resolve("a"));
    CountyGenerator.generate(s, tmp.resolve("b"));
    var a = Deliveries.allFiles(tmp.resolve("a"));
    var b = Deliveries.allFiles(tmp.resolve("b"));
    assertThat(a.stream().map(p -> tmp.resolve("a").relativize(p)).toList())
        .isEqualTo(b.stream().map(p -> tmp.resolve("b").relativize(p)).toList());
    for (int i = 0; i < a.size(); i++) {
      assertThat(Files.mismatch(a.get(i), b.get(i))).as(a.get(i).toString()).isEqualTo(-1L);
    }
  }

  @Test
  void anotherSeedGivesAnotherCounty() throws IOException {
    GeneratorSettings s = GeneratorSettings.defaults().withPersons(2_500);
    CountyGenerator.generate(s, tmp.resolve("a"));
    CountyGenerator.generate(s.withSeed(2), tmp.resolve("b"));
    Path births = Path.of("health", "births_20260115.csv");
    assertThat(Files.mismatch(tmp.resolve("a").resolve(births), tmp.resolve("b").resolve(births)))
        .isNotEqualTo(-1L);
    Path areas = Path.of("population", "areas_20260115.csv");
    assertThat(Files.mismatch(tmp.resolve("a").resolve(areas), tmp.resolve("b").resolve(areas)))
        .as("the county's divisions do not depend on the seed")
        .isEqualTo(-1L);
  }
}
