package wds.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaCatalogTest {

  private final SchemaCatalog catalog = SchemaCatalog.load();

  @Test
  void load_EveryExtractOfTheContract_IsDescribed() {
    assertThat(catalog.all().stream().map(ExtractSchema::qualifiedName))
        .containsExactly(
            "population/areas",
            "population/population",
            "health/births",
            "health/pregnancies",
            "health/maternal_deaths",
            "health/cancer_screenings",
            "health/hiv_exposed_infants",
            "education/students",
            "civil/marriages",
            "civil/assistance",
            "civil/committee_members",
            "hr/employment",
            "hr/insurance",
            "hr/titles",
            "reports/indicator_reports");
  }

  @Test
  void load_RecordExtracts_HaveUpdatedAtAndOptionalDeleted() {
    for (ExtractSchema schema : catalog.all()) {
      assertThat(schema.column("updated_at")).as(schema.qualifiedName()).isPresent();
      boolean reference = schema.source().equals("population");
      assertThat(schema.hasDeletedFlag()).as(schema.qualifiedName()).isEqualTo(!reference);
      schema.column("deleted").ifPresent(d -> assertThat(d.optional()).isTrue());
    }
  }

  @Test
  void load_OnlySpellEndsAreExemptFromTheFutureDateCheck() {
    List<String> exempt =
        catalog.all().stream()
            .flatMap(s -> s.columns().stream())
            .filter(c -> c.type() == ColumnType.DATE && !c.checksFuture())
            .map(Column::name)
            .distinct()
            .toList();
    assertThat(exempt).containsExactlyInAnyOrder("end_date", "term_end", "revoked_date");
  }

  @Test
  void load_StudentsSex_IsCheckedAgainstTheIdentityNumber() {
    ExtractSchema students = catalog.get("education", "students");
    assertThat(students.primaryKey()).containsExactly("student_no", "school_year");
    assertThat(students.column("sex").orElseThrow().sexOf()).isEqualTo("id_number");
    assertThat(students.column("grade").orElseThrow().rangeBy().get("school_type").get("junior"))
        .extracting(Number::intValue)
        .containsExactly(1, 3);
  }
}
