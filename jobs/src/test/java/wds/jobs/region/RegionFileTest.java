package wds.jobs.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.jobs.OperatorException;

class RegionFileTest {

  @TempDir Path dir;

  private static final String GOOD =
      """
      code: "652300000000"
      name: 昌吉回族自治州
      level: prefecture
      home: region-home
      counties:
        - {code: "652323000000", name: 呼图壁县, home: counties/652323, drop: drops/652323}
        - {code: "652324000000", name: 玛纳斯县, home: counties/652324}
      partitioning:
        mode: remote
        rabbitmq: amqp://guest@127.0.0.1:5672
        job-repository: jdbc:postgresql://127.0.0.1:5432/wds?user=postgres
      """;

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("region.yml"), text);
  }

  @Test
  void load_WhenTheFileIsValid_ThenPathsAreResolvedBesideIt() throws IOException {
    RegionFile region = RegionFile.load(write(GOOD));

    assertThat(region.home().root()).isEqualTo(dir.resolve("region-home"));
    assertThat(region.counties()).hasSize(2);
    assertThat(region.county("652323000000").drop()).isEqualTo(dir.resolve("drops/652323"));
    assertThat(region.county("652324000000").drop()).isEqualTo(dir.resolve("counties/652324/drop"));
    assertThat(region.prefectures())
        .singleElement()
        .satisfies(p -> assertThat(p.counties()).hasSize(2));
    assertThat(region.partitioning().remote()).isTrue();
  }

  @Test
  void load_WhenACountyCodeIsNotTwelveDigits_ThenRefusedInOneLineNamingIt() throws IOException {
    Path file = write(GOOD.replace("\"652324000000\"", "\"652324\""));

    assertThatThrownBy(() -> RegionFile.load(file))
        .isInstanceOf(OperatorException.class)
        .hasMessageContaining("652324")
        .hasMessageContaining("12 digits")
        .hasMessageNotContaining("\n");
  }

  @Test
  void load_WhenTwoCountiesShareACode_ThenRefused() throws IOException {
    Path file = write(GOOD.replace("\"652324000000\"", "\"652323000000\""));

    assertThatThrownBy(() -> RegionFile.load(file))
        .isInstanceOf(OperatorException.class)
        .hasMessageContaining("two counties with the code 652323000000");
  }

  @Test
  void load_WhenTwoCountiesShareAHome_ThenRefused() throws IOException {
    Path file = write(GOOD.replace("home: counties/652324", "home: counties/652323"));

    assertThatThrownBy(() -> RegionFile.load(file))
        .isInstanceOf(OperatorException.class)
        .hasMessageContaining("shares its home");
  }

  @Test
  void load_WhenAPrefectureListsAnUnknownCounty_ThenRefused() throws IOException {
    Path file =
        write(
            GOOD.replace("level: prefecture", "level: province")
                .replace("code: \"652300000000\"", "code: \"650000000000\"")
                .replace(
                    "partitioning:",
                    "prefectures:\n  - {code: \"652300000000\", name: 昌吉州, counties: [\"652323000000\","
                        + " \"652399000000\"]}\npartitioning:"));

    assertThatThrownBy(() -> RegionFile.load(file))
        .isInstanceOf(OperatorException.class)
        .hasMessageContaining("lists 652399000000, not in counties");
  }

  @Test
  void load_WhenAKeyIsUnknown_ThenRefusedAsNotARegionFile() throws IOException {
    Path file = write(GOOD.replace("level: prefecture", "levle: prefecture"));

    assertThatThrownBy(() -> RegionFile.load(file))
        .isInstanceOf(OperatorException.class)
        .hasMessageContaining("not a region file")
        .hasMessageNotContaining("\n");
  }

  @Test
  void createHomes_WhenAHomeCannotBeWritten_ThenRefusedInOneLine() throws IOException {
    Path blocked = Files.createDirectories(dir.resolve("counties"));
    Files.writeString(blocked.resolve("652324"), "a file where a home belongs");
    RegionFile region = RegionFile.load(write(GOOD));

    assertThatThrownBy(region::createHomes)
        .isInstanceOf(OperatorException.class)
        .hasMessageContaining("cannot write the home");
  }
}
