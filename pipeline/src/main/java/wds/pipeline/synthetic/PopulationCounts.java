package wds.pipeline.synthetic;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Year-end residents by year, village, sex and single year of age (100 = 100 and over), counted as
 * persons are simulated: the {@code population} extract. Fixed size, whatever the county's size.
 */
final class PopulationCounts {

  private final int firstYear;
  private final int[][][][] persons;

  PopulationCounts(int firstYear, int lastYear, int villages) {
    this.firstYear = firstYear;
    this.persons = new int[lastYear - firstYear + 1][villages][2][101];
  }

  void count(Person p, RegistrySummary summary) {
    for (int y = 0; y < persons.length; y++) {
      LocalDate eve = LocalDate.of(firstYear + y, 12, 31);
      if (p.presentOn(eve)) {
        int age = Math.min(100, p.ageOn(eve));
        persons[y][p.villageOn(eve)][p.female ? 1 : 0][age]++;
        summary.resident(firstYear + y);
      }
    }
  }

  int persons(int year, int village, boolean female, int age) {
    return persons[year - firstYear][village][female ? 1 : 0][age];
  }

  /** The extract's rows, sparse (no zero cells), each published early in the next January. */
  void emit(CountyAreas areas, RecordSink sink) {
    for (int y = 0; y < persons.length; y++) {
      int year = firstYear + y;
      for (int v = 0; v < persons[y].length; v++) {
        LocalDateTime published = LocalDateTime.of(year + 1, 1, 5, 9, 0).plusMinutes(v);
        for (int s = 0; s < 2; s++) {
          for (int age = 0; age <= 100; age++) {
            int n = persons[y][v][s][age];
            if (n == 0) {
              continue;
            }
            Extract.Row row =
                Extract.POPULATION
                    .row()
                    .set("year", year)
                    .set("area_code", areas.village(v).code())
                    .set("sex", s == 1 ? "2" : "1")
                    .set("age", age)
                    .set("persons", n);
            sink.accept(new SourceRecord(Extract.POPULATION).version(published, row));
          }
        }
      }
    }
  }
}
