package wds.pipeline.synthetic;

import java.time.LocalDate;

/**
 * The social-assistance cases a person receives: minimum living allowance (dibao, urban or rural by
 * residence), extreme-poverty support (tekun, for the old, until death) and one-off temporary
 * assistance.
 */
final class AssistanceHistory {

  private static final long TOPIC = 50;

  private final GeneratorSettings settings;
  private final CountyAreas areas;

  AssistanceHistory(GeneratorSettings settings, CountyAreas areas) {
    this.settings = settings;
    this.areas = areas;
  }

  void emit(Person p, RecordSink sink) {
    Dice d = Dice.of(settings.seed(), TOPIC, p.index);
    String id = Person.render(p.id, d);
    LocalDate until = p.presentUntil(settings.horizon());
    LocalDate from = Demography.max(p.historyStart(), settings.start().minusYears(6));
    int n = 0;
    LocalDate busyUntil = from;
    boolean tekun = false;
    for (int year = from.getYear(); year <= settings.horizon().getYear() && n < 6; year++) {
      LocalDate jan = Demography.max(LocalDate.of(year, 1, 1), from);
      LocalDate dec = Demography.min(LocalDate.of(year, 12, 31), until.minusDays(1));
      if (dec.isBefore(jan)) {
        break;
      }
      int village = p.villageOn(jan);
      if (village < 0) {
        continue;
      }
      boolean urban = areas.village(village).urban();
      double perf = areas.townshipOf(village).performance();
      int age = p.ageOn(jan);
      if (!jan.isBefore(busyUntil)
          && d.chance(Rates.dibao(urban, age, perf) * (p.female ? 1.1 : 1.0))) {
        LocalDate start = d.day(jan, dec);
        LocalDate end = start.plusDays(Math.max(180, (long) d.exponential(3 * 365)));
        end = Demography.min(end, until);
        double amount = (urban ? 330 : 180) * Math.pow(1.07, year - 2012) * (0.8 + 0.4 * d.u());
        emit(p, id, ++n, urban ? "dibao_urban" : "dibao_rural", start, end, amount, d, sink);
        busyUntil = end;
      }
      if (!tekun && age >= 60 && d.chance(urban ? 0.0012 : 0.0022)) {
        tekun = true;
        LocalDate start = d.day(jan, dec);
        double amount = 430 * Math.pow(1.07, year - 2012);
        emit(p, id, ++n, "tekun", start, until, amount, d, sink);
      }
      if (d.chance(0.005)) {
        LocalDate start = d.day(jan, dec);
        LocalDate end = Demography.min(start.plusDays(d.between(30, 90)), until);
        emit(p, id, ++n, "temporary", start, end, 100.0 * d.between(5, 30), d, sink);
      }
    }
  }

  private void emit(
      Person p,
      String id,
      int n,
      String program,
      LocalDate start,
      LocalDate end,
      double amount,
      Dice d,
      RecordSink sink) {
    if (end.isBefore(settings.start()) || !start.isBefore(end)) {
      return;
    }
    Extract.Row row =
        Extract.ASSISTANCE
            .row()
            .set(
                "case_no",
                String.format("%s%09d%02d", program.substring(0, 2).toUpperCase(), p.index, n))
            .set("id_number", id)
            .set("program", program)
            .set("start_date", start)
            .set("monthly_amount", String.format("%.2f", Math.round(amount) * 1.0))
            .set("residence_area_code", areas.village(p.villageOn(start)).code());
    SourceRecord record = new SourceRecord(Extract.ASSISTANCE);
    record.version(d.during(start.plusDays(d.lag(10))), row);
    if (!end.isAfter(settings.horizon())) {
      row.set("end_date", end);
      record.version(d.during(end.plusDays(d.lag(10))), row);
    }
    sink.accept(record);
  }
}
