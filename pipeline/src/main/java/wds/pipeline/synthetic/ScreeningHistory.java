package wds.pipeline.synthetic;

import java.time.LocalDate;

/**
 * A woman's cervical and breast cancer screenings (两癌筛查) between 35 and 64, with the results and,
 * for lesions and cancers, whether treatment started. Whether a woman takes part at all depends on
 * where she lives; those who do come back every few years.
 */
final class ScreeningHistory {

  private static final long TOPIC = 60;

  private final GeneratorSettings settings;
  private final CountyAreas areas;

  ScreeningHistory(GeneratorSettings settings, CountyAreas areas) {
    this.settings = settings;
    this.areas = areas;
  }

  void emit(Person p, RecordSink sink) {
    if (!p.female) {
      return;
    }
    int firstYear = Math.max(2009, p.birth.getYear() + 35);
    int lastYear = Math.min(settings.horizon().getYear(), p.birth.getYear() + 64);
    if (lastYear < settings.firstYear() - 4 || firstYear > lastYear) {
      return;
    }
    Dice d = Dice.of(settings.seed(), TOPIC, p.index);
    String id = Person.render(p.id, d);
    int home = p.firstVillage();
    Area homeArea = areas.village(Math.max(0, home));
    double perf = areas.townshipOf(Math.max(0, home)).performance();
    boolean cervical = d.chance(Rates.cervicalParticipation(perf, homeArea.urban()));
    boolean breast = d.chance(homeArea.urban() ? 0.5 : 0.55 + 0.1 * perf);
    int n = 0;
    int nextCervical = firstYear;
    int nextBreast = firstYear;
    for (int year = firstYear; year <= lastYear; year++) {
      for (int program = 0; program < 2; program++) {
        boolean takesPart = program == 0 ? cervical : breast;
        int next = program == 0 ? nextCervical : nextBreast;
        if (!takesPart || year < next || !d.chance(Rates.screeningPerYear(year))) {
          continue;
        }
        LocalDate day = d.day(LocalDate.of(year, 3, 1), LocalDate.of(year, 11, 30));
        int village = p.villageOn(day);
        if (village < 0
            || day.isAfter(settings.horizon())
            || day.isBefore(LocalDate.of(settings.firstYear() - 4, 1, 1))
            || p.ageOn(day) < 35
            || p.ageOn(day) > 64) {
          continue;
        }
        int result =
            program == 0 ? d.weighted(92.5, 6, 1.4, 0.08) : d.weighted(95, 4.5, 0.35, 0.12);
        String treated = result >= 2 ? (d.chance(0.91 + 0.05 * perf) ? "Y" : "N") : "";
        Extract.Row row =
            Extract.CANCER_SCREENINGS
                .row()
                .set("screening_id", String.format("SC%09d%02d", p.index, ++n))
                .set("id_number", id)
                .set("program", program == 0 ? "cervical" : "breast")
                .set("screen_date", day)
                .set("result", result)
                .set("residence_area_code", areas.village(village).code());
        SourceRecord record = new SourceRecord(Extract.CANCER_SCREENINGS);
        record.version(d.during(day.plusDays(d.lag(7))), row);
        if (!treated.isEmpty()) {
          row.set("treated", treated);
          record.version(d.during(day.plusDays(d.between(14, 60))), row);
        }
        sink.accept(record);
        if (program == 0) {
          nextCervical = year + 2;
        } else {
          nextBreast = year + 2;
        }
      }
    }
  }
}
