package wds.pipeline.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A person's working life and what the human-resources and social-security bureau records of it:
 * employment registrations, social-insurance spells (resident schemes outside formal work, employee
 * schemes in it) and professional titles (withdrawn from the county's register when the holder dies
 * or leaves).
 */
final class WorkHistory {

  private static final long TOPIC = 40;
  private static final String[] TYPES = {
    "urban_unit", "private", "individual", "flexible", "agriculture"
  };
  private static final double[] MEAN_YEARS = {10, 4, 5, 2, 12};
  private static final double[] BASE_WAGE = {3900, 2900, 2600, 2100, 1800};

  /** One employment spell; {@code end} null while it lasts past the horizon. */
  private record Spell(
      int n,
      String type,
      String industry,
      LocalDate start,
      LocalDate end,
      int workVillage,
      boolean formal) {}

  private final GeneratorSettings settings;
  private final CountyAreas areas;
  private final double[] seatWeights;

  WorkHistory(GeneratorSettings settings, CountyAreas areas) {
    this.settings = settings;
    this.areas = areas;
    seatWeights = new double[areas.villages().size()];
    for (int i = 0; i < seatWeights.length; i++) {
      Area v = areas.village(i);
      seatWeights[i] = v.township() == 0 && v.urban() ? v.weight() : 0;
    }
  }

  void emit(Person p, RecordSink sink) {
    Dice d = Dice.of(settings.seed(), TOPIC, p.index);
    String id = Person.render(p.id, d);
    LocalDate until = p.presentUntil(settings.horizon());
    List<Spell> spells = employment(p, d, until);
    for (Spell s : spells) {
      emitEmployment(p, id, s, d, sink);
    }
    insurance(p, id, spells, d, until, sink);
    for (Spell s : spells) {
      titles(p, id, s, d, until, sink);
    }
  }

  private List<Spell> employment(Person p, Dice d, LocalDate until) {
    List<Spell> spells = new ArrayList<>();
    LocalDate t = Demography.max(p.birthday(d.between(17, 24)), p.historyStart());
    int home = p.villageOn(t);
    if (home < 0 || !t.isBefore(until)) {
      return spells;
    }
    if (!d.chance(Rates.works(p.female, areas.village(home).urban()))) {
      return spells;
    }
    boolean cadre = d.chance(0.5);
    for (int n = 1; n <= 8 && t.isBefore(until); n++) {
      int village = p.villageOn(t);
      if (village < 0) {
        break;
      }
      boolean urban = areas.village(village).urban();
      int type =
          urban
              ? d.weighted(p.female ? 0.30 : 0.28, 0.30, 0.16, p.female ? 0.26 : 0.20, 0.04)
              : d.weighted(p.female ? 0.07 : 0.07, 0.10, 0.09, p.female ? 0.14 : 0.12, 0.62);
      int retireAge =
          switch (type) {
            case 0 -> p.female ? (cadre ? 55 : 50) : 60;
            case 4 -> p.female ? 60 : 65;
            default -> p.female ? 55 : 60;
          };
      LocalDate retire = p.birthday(retireAge);
      if (!t.isBefore(retire)) {
        break;
      }
      LocalDate end = t.plusDays(Math.max(60, (long) d.exponential(MEAN_YEARS[type] * 365)));
      end = Demography.min(Demography.min(end, retire), until);
      int workVillage = (type <= 1 && d.chance(0.5)) ? d.weighted(seatWeights) : village;
      boolean formal = type == 0 || (type == 1 && d.chance(0.65));
      spells.add(
          new Spell(
              n,
              TYPES[type],
              industry(type, d),
              t,
              end.isAfter(settings.horizon()) ? null : end,
              workVillage,
              formal));
      if (end.isAfter(settings.horizon())) {
        break;
      }
      t = d.chance(0.5) ? end : end.plusDays((long) d.exponential(300));
    }
    return spells;
  }

  private static String industry(int type, Dice d) {
    return switch (type) {
      case 0 -> pick(d, "SPQNDEJMRA", new double[] {26, 25, 15, 6, 5, 5, 5, 4, 4, 5});
      case 1 -> pick(d, "CEFGHOLK", new double[] {25, 18, 20, 12, 12, 6, 4, 3});
      case 2 -> pick(d, "FHOGR", new double[] {45, 25, 15, 10, 5});
      case 3 -> pick(d, "OFGHE", new double[] {30, 25, 20, 15, 10});
      default -> "A";
    };
  }

  private static String pick(Dice d, String letters, double[] weights) {
    return String.valueOf(letters.charAt(d.weighted(weights)));
  }

  private void emitEmployment(Person p, String id, Spell s, Dice d, RecordSink sink) {
    if (s.end() != null && s.end().isBefore(settings.start())) {
      return;
    }
    int typeIndex = java.util.Arrays.asList(TYPES).indexOf(s.type());
    double wage =
        BASE_WAGE[typeIndex]
            * Math.pow(1.065, s.start().getYear() - 2012)
            * (p.female ? (typeIndex == 0 ? 0.92 : 0.84) : 1.0)
            * Math.exp(d.normal(0, 0.22));
    Extract.Row row =
        Extract.EMPLOYMENT
            .row()
            .set("record_id", String.format("JY%09d%02d", p.index, s.n()))
            .set("id_number", id)
            .set("employer_type", s.type())
            .set("industry", d.chance(0.97) ? s.industry() : "")
            .set("start_date", s.start())
            .set("monthly_wage", d.chance(0.9) ? Long.toString(Math.round(wage / 10) * 10) : "")
            .set("work_area_code", areas.village(s.workVillage()).code());
    SourceRecord record = new SourceRecord(Extract.EMPLOYMENT);
    record.version(d.during(s.start().plusDays(d.lag(10))), row);
    if (s.end() != null) {
      row.set("end_date", s.end());
      record.version(d.during(s.end().plusDays(d.lag(10))), row);
    }
    sink.accept(record);
  }

  private void insurance(
      Person p, String id, List<Spell> spells, Dice d, LocalDate until, RecordSink sink) {
    int village = p.firstVillage();
    double perf = areas.townshipOf(village).performance();
    int[] n = {0};
    // medical insurance: resident scheme, replaced by the employee scheme during formal work
    if (d.chance(Rates.medicalInsured(perf))) {
      LocalDate from =
          p.entry == Person.Entry.MIGRANT
              ? p.entered.plusDays(d.between(30, 400))
              : Demography.max(p.birth.plusDays(d.between(0, 90)), LocalDate.of(2008, 1, 1));
      split(p, id, from, until, spells, "medical_resident", "medical_employee", n, d, sink);
    }
    // pension from 16: resident scheme until the first formal job, then the employee scheme for
    // good (it keeps paying after retirement)
    LocalDate sixteen =
        Demography.max(
            Demography.max(p.birthday(16), LocalDate.of(2009, 10, 1)),
            p.entry == Person.Entry.MIGRANT ? p.entered.plusDays(d.between(30, 400)) : p.birth);
    LocalDate firstFormal = null;
    Spell firstFormalSpell = null;
    for (Spell s : spells) {
      if (s.formal()) {
        firstFormal = s.start();
        firstFormalSpell = s;
        break;
      }
    }
    if (d.chance(Rates.pensionInsured(perf))) {
      LocalDate residentUntil = firstFormal == null ? until : firstFormal;
      spell(p, id, "pension_resident", sixteen, residentUntil, village, n, d, sink);
    }
    if (firstFormal != null) {
      spell(
          p,
          id,
          "pension_employee",
          firstFormal,
          until,
          firstFormalSpell.workVillage(),
          n,
          d,
          sink);
    }
    for (Spell s : spells) {
      if (s.formal()) {
        LocalDate end = s.end() == null ? until : s.end();
        for (String scheme : new String[] {"unemployment", "work_injury", "maternity"}) {
          spell(p, id, scheme, s.start(), end, s.workVillage(), n, d, sink);
        }
      }
    }
  }

  private void split(
      Person p,
      String id,
      LocalDate from,
      LocalDate until,
      List<Spell> spells,
      String resident,
      String employee,
      int[] n,
      Dice d,
      RecordSink sink) {
    LocalDate cursor = from;
    for (Spell s : spells) {
      if (!s.formal()) {
        continue;
      }
      LocalDate end = s.end() == null ? until : s.end();
      if (s.start().isAfter(cursor)) {
        spell(p, id, resident, cursor, s.start(), p.villageOn(cursor), n, d, sink);
      }
      LocalDate start = Demography.max(s.start(), cursor);
      spell(p, id, employee, start, end, s.workVillage(), n, d, sink);
      cursor = Demography.max(cursor, end);
    }
    spell(p, id, resident, cursor, until, p.villageOn(cursor), n, d, sink);
  }

  /** One insurance spell [start, end); end past the horizon means still insured. */
  private void spell(
      Person p,
      String id,
      String scheme,
      LocalDate start,
      LocalDate end,
      int village,
      int[] n,
      Dice d,
      RecordSink sink) {
    if (!start.isBefore(end)
        || start.isAfter(settings.horizon())
        || end.isBefore(settings.start())
        || village < 0) {
      return;
    }
    n[0]++;
    Extract.Row row =
        Extract.INSURANCE
            .row()
            .set("spell_id", String.format("SB%09d%02d", p.index, n[0]))
            .set("id_number", id)
            .set("scheme", scheme)
            .set("start_date", start)
            .set("area_code", areas.village(village).code());
    SourceRecord record = new SourceRecord(Extract.INSURANCE);
    record.version(d.during(start.plusDays(d.lag(15))), row);
    if (!end.isAfter(settings.horizon())) {
      row.set("end_date", end);
      record.version(d.during(end.plusDays(d.lag(15))), row);
    }
    sink.accept(record);
  }

  private void titles(Person p, String id, Spell s, Dice d, LocalDate until, RecordSink sink) {
    if (!s.type().equals("urban_unit")) {
      return;
    }
    String series =
        switch (s.industry()) {
          case "P" -> "education";
          case "Q" -> "health";
          case "A", "N" -> "agriculture";
          case "D", "E", "M" -> "engineering";
          case "J" -> "economics";
          default -> null;
        };
    if (series == null) {
      return;
    }
    String[] levels = {"junior", "intermediate", "senior_associate", "senior_full"};
    double[] chances = {0.85, 0.75, p.female ? 0.41 : 0.44, p.female ? 0.14 : 0.17};
    int[][] waits = {{1, 3}, {4, 7}, {6, 10}, {6, 10}};
    LocalDate spellEnd = s.end() == null ? settings.horizon() : s.end();
    LocalDate award = s.start();
    for (int level = 0; level < levels.length; level++) {
      award =
          award.plusYears(d.between(waits[level][0], waits[level][1])).plusDays(d.between(0, 200));
      if (!award.isBefore(spellEnd) || !d.chance(chances[level])) {
        return;
      }
      Extract.Row row =
          Extract.TITLES
              .row()
              .set("title_id", String.format("ZC%09d%02d%d", p.index, s.n(), level))
              .set("id_number", id)
              .set("level", levels[level])
              .set("series", series)
              .set("award_date", award)
              .set("employer_area_code", areas.village(s.workVillage()).code());
      SourceRecord record = new SourceRecord(Extract.TITLES);
      record.version(d.during(award.plusDays(d.lag(20))), row);
      if (d.chance(0.004)) {
        LocalDate revoked = award.plusDays(d.between(200, 2000));
        if (revoked.isBefore(until) && !revoked.isAfter(settings.horizon())) {
          row.set("revoked_date", revoked);
          record.version(d.during(revoked.plusDays(d.lag(10))), row);
        }
      }
      if (p.exited() != null && !p.exited().isAfter(settings.horizon())) {
        // the holder died or left: the county's register withdraws the record
        record.tombstone(d.during(p.exited().plusDays(d.between(5, 60))));
      }
      sink.accept(record);
    }
  }
}
