package wds.pipeline.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

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
import wds.pipeline.person.Age;
import wds.pipeline.person.IdentityNumber;
import wds.pipeline.person.InvalidIdentityNumberException;

/**
 * The indicators of indicators.csv, computed here from the generated files the way warehouse.md
 * reads them, land where real counties' do (generous bands: the county is small).
 */
class IndicatorPlausibilityTest {

  static final LocalDate DATE = LocalDate.of(2026, 1, 15);

  @TempDir static Path out;

  @BeforeAll
  static void generate() {
    CountyGenerator.generate(GeneratorSettings.defaults().withPersons(15_000).withSeed(3), out);
  }

  static List<Map<String, String>> rows(String source, String extract) {
    return Deliveries.rows(out, source, extract, DATE);
  }

  @Test
  void maternalMortalityIsRareAndSystematicManagementHigh() {
    long births = rows("health", "births").size();
    long deaths =
        rows("health", "maternal_deaths").stream()
            .filter(r -> !r.get("icd10").startsWith("O96") && !r.get("icd10").startsWith("O97"))
            .count();
    assertThat(births).isBetween(1_200L, 2_600L); // about 9 per 1000 a year, falling
    assertThat(100_000.0 * deaths / births).isLessThan(120); // ~15 per 100,000 expected
    long managed =
        rows("health", "pregnancies").stream()
            .filter(
                r -> r.get("outcome").equals("1") && r.get("outcome_date").compareTo("2025") < 0)
            .filter(r -> Integer.parseInt(r.get("first_visit_week")) <= 12)
            .filter(r -> Integer.parseInt(r.get("prenatal_visits")) >= 5)
            .filter(r -> r.get("postpartum_visit").equals("Y"))
            .count();
    long birthsBefore2025 =
        rows("health", "births").stream()
            .filter(r -> r.get("birth_date").compareTo("2025") < 0)
            .count();
    assertThat(100.0 * managed / birthsBefore2025).isBetween(89.0, 97.5);
  }

  @Test
  void nineYearCohortsAreConsolidated() {
    Map<Integer, Integer> grade1 = new HashMap<>();
    Map<Integer, Integer> junior3 = new HashMap<>();
    for (Map<String, String> r : rows("education", "students")) {
      int y = Integer.parseInt(r.get("school_year"));
      if (r.get("school_type").equals("primary") && r.get("grade").equals("1")) {
        grade1.merge(y, 1, Integer::sum);
      }
      if (r.get("school_type").equals("junior")
          && r.get("grade").equals("3")
          && (r.get("status").equals("enrolled") || r.get("status").equals("graduated"))) {
        junior3.merge(y, 1, Integer::sum);
      }
    }
    long num = 0;
    long den = 0;
    for (int y = 2020; y <= 2025; y++) {
      num += junior3.get(y);
      den += grade1.get(y - 8);
    }
    assertThat(100.0 * num / den).isBetween(88.0, 103.0);
  }

  @Test
  void womenAreAboutTwoFifthsOfTheEmployedAndAQuarterOfVillageCommittees() {
    LocalDate eve = LocalDate.of(2020, 12, 31);
    Set<String> employed = new HashSet<>();
    Set<String> women = new HashSet<>();
    Set<String> unitStaff = new HashSet<>();
    Set<String> unitWomen = new HashSet<>();
    for (Map<String, String> r : rows("hr", "employment")) {
      if (active(r.get("start_date"), r.get("end_date"), eve)) {
        IdentityNumber id = parse(r.get("id_number"));
        employed.add(id.normalised());
        boolean unit = r.get("employer_type").equals("urban_unit");
        if (unit) {
          unitStaff.add(id.normalised());
        }
        if (id.sex().code().equals("2")) {
          women.add(id.normalised());
          if (unit) {
            unitWomen.add(id.normalised());
          }
        }
      }
    }
    assertThat(100.0 * women.size() / employed.size()).isBetween(38.0, 48.0);
    assertThat(100.0 * unitWomen.size() / unitStaff.size()).isBetween(33.0, 48.0);
    int members = 0;
    int womenMembers = 0;
    for (Map<String, String> r : rows("civil", "committee_members")) {
      if (r.get("committee_type").equals("village")
          && active(r.get("term_start"), r.get("term_end"), eve)) {
        members++;
        womenMembers += parse(r.get("id_number")).sex().code().equals("2") ? 1 : 0;
      }
    }
    assertThat(members).isGreaterThan(200);
    assertThat(100.0 * womenMembers / members).isBetween(18.0, 34.0);
  }

  @Test
  void mostWomenAreMedicallyInsured() {
    LocalDate eve = LocalDate.of(2022, 12, 31);
    long women =
        rows("population", "population").stream()
            .filter(r -> r.get("year").equals("2022") && r.get("sex").equals("2"))
            .mapToLong(r -> Long.parseLong(r.get("persons")))
            .sum();
    Set<String> insured = new HashSet<>();
    for (Map<String, String> r : rows("hr", "insurance")) {
      if (r.get("scheme").startsWith("medical")
          && active(r.get("start_date"), r.get("end_date"), eve)) {
        IdentityNumber id = parse(r.get("id_number"));
        if (id.sex().code().equals("2") && Age.on(id.birthDate(), eve) >= 0) {
          insured.add(id.normalised());
        }
      }
    }
    assertThat(100.0 * insured.size() / women).isBetween(90.0, 99.0);
  }

  private static boolean active(String start, String end, LocalDate day) {
    return start.compareTo(day.toString()) <= 0
        && (end.isEmpty() || end.compareTo(day.toString()) > 0);
  }

  private static IdentityNumber parse(String id) {
    try {
      return IdentityNumber.parse(id);
    } catch (InvalidIdentityNumberException e) {
      throw new AssertionError(e.getMessage());
    }
  }
}
