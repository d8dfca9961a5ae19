package wds.pipeline.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every built-in county is its own: its code, townships and people; and each is deterministic. */
class BuiltInCountiesTest {

  @TempDir Path tmp;

  @Test
  void builtInList_HoldsChangjisSevenAndOthers() {
    assertThat(
            BuiltInCounties.all().stream()
                .filter(c -> c.prefecture().equals("652300000000"))
                .map(CountyProfile::code6))
        .containsExactlyInAnyOrder(
            "652301", "652302", "652323", "652324", "652325", "652327", "652328");
    assertThat(BuiltInCounties.all().stream().map(CountyProfile::prefecture).distinct().count())
        .isGreaterThan(1);
  }

  @Test
  void areas_OfEachCounty_CarryItsCodeAndItsOwnTownships() {
    Set<List<String>> layouts = new java.util.HashSet<>();
    for (CountyProfile county : BuiltInCounties.all()) {
      CountyAreas areas = CountyAreas.of(county);
      assertThat(areas.county().code()).isEqualTo(county.code());
      assertThat(areas.all()).allMatch(a -> a.code().startsWith(county.code6()));
      if (!county.code().equals(BuiltInCounties.HUTUBI)) {
        assertThat(areas.townships()).hasSize(county.townships());
      }
      layouts.add(areas.townships().stream().map(t -> t.area().name()).toList());
    }
    assertThat(layouts).hasSize(BuiltInCounties.all().size());
  }

  @Test
  void generate_TwoCountiesWithOneSeed_DifferAndEachIsByteIdenticalTwice() throws IOException {
    GeneratorSettings base = GeneratorSettings.defaults().withPersons(400);
    CountyProfile manas = BuiltInCounties.get("652324");
    GeneratorSettings s = base.withCounty(manas.code()).withSeed(manas.seedFor(base.seed()));
    CountyGenerator.generate(s, tmp.resolve("a"));
    CountyGenerator.generate(s, tmp.resolve("b"));
    CountyGenerator.generate(base, tmp.resolve("hutubi"));

    String areasA = areasFile(tmp.resolve("a"));
    assertThat(areasA).contains("652324000000").doesNotContain("652323000000,");
    assertThat(areasA).isEqualTo(areasFile(tmp.resolve("b")));
    var a = Deliveries.allFiles(tmp.resolve("a"));
    var b = Deliveries.allFiles(tmp.resolve("b"));
    for (int i = 0; i < a.size(); i++) {
      assertThat(Files.mismatch(a.get(i), b.get(i))).as(a.get(i).toString()).isEqualTo(-1L);
    }
    assertThat(areasA).isNotEqualTo(areasFile(tmp.resolve("hutubi")));
  }

  private static String areasFile(Path delivery) throws IOException {
    try (var files = Files.walk(delivery)) {
      Path areas =
          files
              .filter(p -> p.getFileName().toString().startsWith("areas_"))
              .findFirst()
              .orElseThrow();
      return Files.readAllLines(areas, StandardCharsets.UTF_8).stream()
          .collect(Collectors.joining("\n"));
    }
  }
}
