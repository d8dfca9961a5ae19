package wds.pipeline.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import wds.pipeline.person.IdentityNumber;
import wds.pipeline.person.InvalidIdentityNumberException;
import wds.schemas.Column;
import wds.schemas.ColumnType;

/** A full delivery of a small county, read back: files, manifests, and agreement between them. */
class CountyGeneratorTest {

  static final LocalDate DATE = LocalDate.of(2026, 1, 15);

  @TempDir static Path out;
  static GenerationSummary summary;

  @BeforeAll
  static void generate() {
    summary = CountyGenerator.generate(GeneratorSettings.defaults().withPersons(8_000), out);
  }

  @Test
  void everyExtractOfTheCatalogueIsDeliveredWithItsManifest() {
    assertThat(summary.files()).hasSize(Extract.values().length);
    for (Extract e : Extract.values()) {
      assertThat(Deliveries.file(out, e.source(), e.extractName(), DATE)).exists();
      assertThat(out.resolve(e.source()).resolve("manifest_20260115.json")).exists();
    }
    assertThat(out.resolve(CountyGenerator.SETTINGS_FILE)).exists();
  }

  @Test
  void identityNumbersAreValidInEveryFile() {
    int legacy = 0;
    int lowerX = 0;
    for (Extract e : Extract.values()) {
      for (Column c : e.schema().columns()) {
        if (c.type() != ColumnType.ID_NUMBER) {
          continue;
        }
        for (Map<String, String> row : Deliveries.rows(out, e.source(), e.extractName(), DATE)) {
          String id = row.get(c.name());
          legacy += id.length() == 15 ? 1 : 0;
          lowerX += id.endsWith("x") ? 1 : 0;
          try {
            IdentityNumber n = IdentityNumber.parse(id);
            assertThat(n.birthDate()).isBefore(DATE);
          } catch (InvalidIdentityNumberException ex) {
            throw new AssertionError(e + "." + c.name() + ": " + ex.getMessage());
          }
        }
      }
    }
    assertThat(legacy).as("legacy 15-digit numbers").isPositive();
    assertThat(lowerX).as("lower-case x").isPositive();
  }

  @Test
  void studentsStatedSexAgreesWithTheirNumber() {
    for (Map<String, String> row : Deliveries.rows(out, "education", "students", DATE)) {
      String sex = row.get("sex");
      if (sex.equals("1") || sex.equals("2")) {
        assertThat(parse(row.get("id_number")).sex().code()).isEqualTo(sex);
      }
    }
  }

  @Test
  void manifestsCountRecordsAndHashBytesOfEveryFile() throws IOException {
    var json = JsonMapper.builder().build();
    for (String source : List.of("population", "health", "education", "civil", "hr", "reports")) {
      JsonNode m = json.readTree(out.resolve(source).resolve("manifest_20260115.json").toFile());
      assertThat(m.get("source").asString()).isEqualTo(source);
      assertThat(m.get("extract_date").asString()).isEqualTo("2026-01-15");
      for (JsonNode f : m.get("files")) {
        Path file = out.resolve(source).resolve(f.get("name").asString());
        String encoding = f.get("encoding").asString();
        assertThat(encoding).isEqualTo(source.equals("civil") ? "GB18030" : "UTF-8");
        assertThat(f.get("mode").asString()).isEqualTo("full");
        assertThat(f.get("sha256").asString()).isEqualTo(DeliveryWriter.sha256(file));
        long records = Deliveries.records(file, Deliveries.charset(source)).size() - 1;
        assertThat(f.get("rows").asLong()).as(file.toString()).isEqualTo(records);
      }
    }
  }

  @Test
  void civilAffairsFilesAreGb18030AndStatisticsFilesCarryABom() throws IOException {
    byte[] marriages = Files.readAllBytes(Deliveries.file(out, "civil", "marriages", DATE));
    String header = new String(marriages, 0, 40, StandardCharsets.US_ASCII);
    assertThat(header).startsWith("registration_no,");
    byte[] areas = Files.readAllBytes(Deliveries.file(out, "population", "areas", DATE));
    assertThat(new String(areas, "GB18030")).doesNotContain("呼图壁镇"); // it is UTF-8
    assertThat(areas[0] & 0xFF).isEqualTo(0xEF);
    assertThat(new String(areas, 3, areas.length - 3, StandardCharsets.UTF_8)).contains("呼图壁镇");
    assertThat(new String(marriages, "GB18030")).contains("652323");
  }

  @Test
  void populationIsTheRegistrysYearEndCountAndBalancesItsFlows() {
    Map<Integer, Long> byYear = new HashMap<>();
    for (Map<String, String> row : Deliveries.rows(out, "population", "population", DATE)) {
      assertThat(Integer.parseInt(row.get("persons"))).isPositive(); // sparse
      byYear.merge(
          Integer.parseInt(row.get("year")), Long.parseLong(row.get("persons")), Long::sum);
    }
    RegistrySummary r = summary.registry();
    assertThat(byYear).hasSize(14);
    for (int y = 2012; y <= 2025; y++) {
      assertThat(byYear.get(y)).as("population %d", y).isEqualTo(r.population(y));
      assertThat(r.population(y))
          .isEqualTo(
              r.population(y - 1) + r.births(y) - r.deaths(y) + r.movedIn(y) - r.movedOut(y));
    }
    Map<Integer, Long> births = new HashMap<>();
    for (Map<String, String> row : Deliveries.rows(out, "health", "births", DATE)) {
      births.merge(Integer.parseInt(row.get("birth_date").substring(0, 4)), 1L, Long::sum);
    }
    for (int y = 2012; y <= 2025; y++) {
      assertThat(births.get(y)).as("births %d", y).isEqualTo(r.births(y));
    }
  }

  @Test
  void everyBirthHasADeliveredPregnancyOfTheSameMotherOnTheBirthDate() {
    Set<String> delivered = new HashSet<>();
    for (Map<String, String> p : Deliveries.rows(out, "health", "pregnancies", DATE)) {
      if (p.get("outcome").equals("1")) {
        delivered.add(parse(p.get("mother_id_number")).normalised() + p.get("outcome_date"));
      }
    }
    List<Map<String, String>> births = Deliveries.rows(out, "health", "births", DATE);
    assertThat(births).hasSizeGreaterThan(500);
    for (Map<String, String> b : births) {
      assertThat(delivered)
          .contains(parse(b.get("mother_id_number")).normalised() + b.get("birth_date"));
    }
  }

  @Test
  void nothingIsDatedAfterTheExtractDate() {
    for (Extract e : Extract.values()) {
      if (e == Extract.STUDENTS) {
        continue;
      }
      for (Map<String, String> row : Deliveries.rows(out, e.source(), e.extractName(), DATE)) {
        for (Column c : e.schema().columns()) {
          String v = row.get(c.name());
          if (c.type() == ColumnType.DATE && !v.isEmpty()) {
            assertThat(LocalDate.parse(v)).as(e + "." + c.name()).isBeforeOrEqualTo(DATE);
          }
          if (c.type() == ColumnType.TS) {
            assertThat(v.substring(0, 10).compareTo("2026-01-15")).isLessThanOrEqualTo(0);
          }
        }
      }
    }
  }

  @Test
  void fullDeliveriesHoldNoTombstones() {
    for (Extract e : Extract.values()) {
      if (e.schema().hasDeletedFlag()) {
        assertThat(Deliveries.rows(out, e.source(), e.extractName(), DATE))
            .allSatisfy(r -> assertThat(r.get("deleted")).isEqualTo("N"));
      }
    }
  }

  @Test
  void departmentReturnsCoverEveryReportedIndicatorEachYearAtCountyLevel() {
    Set<String> seen = new HashSet<>();
    for (Map<String, String> r : Deliveries.rows(out, "reports", "indicator_reports", DATE)) {
      if (r.get("area_code").equals("652323000000")) {
        seen.add(r.get("indicator_code") + r.get("year"));
      }
    }
    for (String code : List.of("N01", "N02", "L01", "P01", "P02", "P03")) {
      for (int y = 2012; y <= 2025; y++) {
        assertThat(seen).contains(code + y);
      }
    }
    for (int y = 2016; y <= 2025; y++) {
      assertThat(seen).contains("L02" + y); // protection orders exist since March 2016
    }
  }

  static IdentityNumber parse(String id) {
    try {
      return IdentityNumber.parse(id);
    } catch (InvalidIdentityNumberException e) {
      throw new AssertionError(e.getMessage());
    }
  }
}
