package wds.pipeline.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A woman's pregnancies and what the maternal and child health system records of them: pregnancy
 * care, birth certificates, maternal deaths and HIV-exposed infants. Every live birth comes from a
 * pregnancy with outcome 1 of the same mother, dated the day of birth; every newborn becomes a
 * member of the registry.
 */
final class MaternalHistory {

  private static final long TOPIC = 20;

  private static final String[] CAUSES = {
    "O72.1", "O72.0", "O14.1", "O15.0", "O88.1", "O85", "O99.4", "O75.1", "O71.1", "O00.1"
  };
  private static final double[] CAUSE_WEIGHTS = {18, 10, 12, 6, 14, 5, 18, 6, 6, 5};

  private final GeneratorSettings settings;
  private final CountyAreas areas;
  private final Demography demography;

  MaternalHistory(GeneratorSettings settings, CountyAreas areas, Demography demography) {
    this.settings = settings;
    this.areas = areas;
    this.demography = demography;
  }

  /**
   * Simulates the woman's pregnancies, hands their records to {@code sink}, records a maternal
   * death on the woman, and returns the live-born children (not yet simulated).
   */
  List<Person> simulate(
      Person woman,
      List<FamilyHistory.Marriage> marriages,
      RecordSink sink,
      LongSupplier nextIndex,
      RegistrySummary summary) {
    List<Person> children = new ArrayList<>();
    if (!woman.female || marriages.isEmpty()) {
      return children;
    }
    Dice d = Dice.of(settings.seed(), TOPIC, woman.index);
    boolean hiv = d.chance(Rates.HIV);
    LocalDate horizon = settings.horizon();
    LocalDate t = Demography.max(settings.start().minusDays(300), woman.historyStart());
    t = Demography.max(t, woman.birthday(20));
    int parity = openingParity(woman, d);
    int n = 0;
    while (t.isBefore(Demography.min(horizon, woman.birthday(50))) && woman.villageOn(t) >= 0) {
      LocalDate next = t.plusDays(30);
      if (!FamilyHistory.married(marriages, t)) {
        t = next;
        continue;
      }
      int age = woman.ageOn(t);
      double parityFactor =
          switch (Math.min(parity, 3)) {
            case 0 -> 1.0;
            case 1 -> t.getYear() < 2016 ? 0.5 : 0.62;
            case 2 -> 0.12;
            default -> 0.05;
          };
      double perMonth =
          Rates.maritalFertility(age)
              * Rates.periodFertility(t.getYear())
              * parityFactor
              / (1 - Rates.PREGNANCY_LOSS)
              / 12;
      if (!d.chance(perMonth)) {
        t = next;
        continue;
      }
      LocalDate lmp = d.day(t, next.minusDays(1)).minusDays(14);
      n++;
      Pregnancy p = pregnancy(woman, lmp, hiv, d);
      if (p.outcome == 1) {
        parity += p.twins ? 2 : 1;
      }
      if (p.outcomeDate.isAfter(horizon)) {
        // still ongoing at the horizon: the record stays as registered
        if (p.registered
            && woman.villageOn(p.registration) >= 0
            && !p.registration.isAfter(horizon)) {
          emitPregnancy(woman, p, n, false, d, sink);
        }
        break;
      }
      if (!woman.presentOn(p.outcomeDate)) {
        break; // she left or died first; her booklet went with her
      }
      if (!p.outcomeDate.isBefore(settings.start()) && p.registered) {
        emitPregnancy(woman, p, n, true, d, sink);
        if (p.outcome == 1) {
          for (int c = 0; c < (p.twins ? 2 : 1); c++) {
            Person child =
                demography.newborn(nextIndex.getAsLong(), woman, p.outcomeDate, d.chance(0.485));
            emitBirth(woman, child, p, d, sink);
            if ("Y".equals(p.hivPositive)) {
              emitExposedInfant(woman, child, p, d, sink);
            }
            children.add(child);
            summary.birth(p.outcomeDate.getYear());
          }
        }
        maternalDeath(woman, p, d, sink);
      }
      t =
          p.outcome == 1
              ? p.outcomeDate.plusMonths(d.between(10, 40))
              : p.outcomeDate.plusMonths(d.between(2, 8));
    }
    return children;
  }

  private static int openingParity(Person woman, Dice d) {
    if (woman.entry == Person.Entry.BORN) {
      return 0;
    }
    int age = woman.ageOn(woman.entered);
    if (age < 24) {
      return 0;
    }
    if (age < 30) {
      return d.weighted(0.3, 0.6, 0.1);
    }
    return d.weighted(0.1, 0.55, 0.35);
  }

  /** One pregnancy: what happened and what the booklet would say. */
  private static final class Pregnancy {
    LocalDate lmp;
    LocalDate registration;
    boolean registered;
    int firstVisitWeek;
    int visits;
    int outcome;
    LocalDate outcomeDate;
    int gestationWeeks;
    boolean twins;
    String hivTested;
    String syphilisTested;
    String hbvTested;
    String hivPositive;
    String syphilisPositive;
    String hbvPositive;
    String treated;
    String hemoglobin;
    String highRisk;
    String postpartum;
    int village;
    double perf;
  }

  private Pregnancy pregnancy(Person woman, LocalDate lmp, boolean hiv, Dice d) {
    Pregnancy p = new Pregnancy();
    p.lmp = lmp;
    int village = Math.max(0, woman.villageOn(Demography.max(lmp, woman.entered)));
    p.village = village;
    p.perf = areas.townshipOf(village).performance();
    int year = lmp.plusDays(270).getYear();
    if (d.chance(Rates.PREGNANCY_LOSS)) {
      p.outcome = 3;
      p.gestationWeeks = d.between(6, 20);
    } else if (d.chance(Rates.STILLBIRTH)) {
      p.outcome = 2;
      p.gestationWeeks = d.between(28, 40);
    } else {
      p.outcome = 1;
      p.gestationWeeks =
          d.chance(0.055)
              ? d.between(d.chance(0.1) ? 26 : 30, 36)
              : (int) Math.max(37, Math.min(42, Math.round(d.normal(39.2, 1.1))));
      p.twins = d.chance(Rates.TWINS);
    }
    p.outcomeDate = lmp.plusDays(p.gestationWeeks * 7L + d.between(0, 6));
    boolean early = d.chance(Rates.earlyFirstVisit(p.perf, year));
    p.firstVisitWeek = early ? d.between(6, 12) : d.between(13, 26);
    p.registration = lmp.plusDays(p.firstVisitWeek * 7L + d.between(0, 6));
    p.registered = p.registration.isBefore(p.outcomeDate);
    boolean fiveVisits = d.chance(Rates.fivePrenatalVisits(p.perf));
    p.visits =
        p.outcome == 3
            ? d.between(1, 3)
            : (fiveVisits ? d.between(5, p.gestationWeeks >= 34 ? 13 : 7) : d.between(1, 4));
    double testRate = Rates.tested(p.perf, year);
    p.hivTested = d.chance(testRate) ? "Y" : "N";
    p.syphilisTested = d.chance(testRate) ? "Y" : "N";
    p.hbvTested = d.chance(testRate - 0.002) ? "Y" : "N";
    p.hivPositive = p.hivTested.equals("Y") ? (hiv ? "Y" : "N") : "";
    p.syphilisPositive = p.syphilisTested.equals("Y") ? (d.chance(Rates.SYPHILIS) ? "Y" : "N") : "";
    p.hbvPositive = p.hbvTested.equals("Y") ? (d.chance(Rates.HEPATITIS_B) ? "Y" : "N") : "";
    boolean infected = "Y".equals(p.hivPositive) || "Y".equals(p.syphilisPositive);
    p.treated = infected ? (d.chance(Rates.INFECTION_TREATED) ? "Y" : "N") : "";
    p.hemoglobin =
        p.outcome != 3 && d.chance(0.97)
            ? Long.toString(
                Math.max(60, Math.min(175, Math.round(d.normal(115.5 + 0.5 * (year - 2012), 13)))))
            : "";
    int age = woman.ageOn(lmp);
    p.highRisk = d.chance(0.16 + (age >= 35 ? 0.25 : 0) + (age < 20 ? 0.1 : 0)) ? "Y" : "N";
    p.postpartum = p.outcome == 3 ? "" : (d.chance(Rates.postpartumVisit(p.perf)) ? "Y" : "N");
    return p;
  }

  private void emitPregnancy(
      Person woman, Pregnancy p, int n, boolean ended, Dice d, RecordSink sink) {
    Extract.Row row =
        Extract.PREGNANCIES
            .row()
            .set("pregnancy_id", String.format("YC%09d%02d", woman.index, n))
            .set("mother_id_number", Person.render(woman.id, d))
            .set("residence_area_code", areas.village(p.village).code())
            .set("registration_date", p.registration)
            .set("first_visit_week", p.firstVisitWeek)
            .set("prenatal_visits", 1)
            .set("outcome", 4)
            .set("hiv_tested", p.hivTested)
            .set("syphilis_tested", p.syphilisTested)
            .set("hbv_tested", p.hbvTested)
            .set("hiv_positive", p.hivPositive)
            .set("syphilis_positive", p.syphilisPositive)
            .set("hbv_positive", p.hbvPositive)
            .set("high_risk", p.highRisk);
    SourceRecord record = new SourceRecord(Extract.PREGNANCIES);
    record.version(d.during(p.registration.plusDays(d.lag(3))), row);
    if (ended) {
      row.set("outcome", p.outcome)
          .set("outcome_date", p.outcomeDate)
          .set("prenatal_visits", p.visits)
          .set("hemoglobin_g_l", p.hemoglobin)
          .set("infection_treated", p.treated);
      record.version(d.during(p.outcomeDate.plusDays(d.lag(4))), row);
      if (!p.postpartum.isEmpty()) {
        row.set("postpartum_visit", p.postpartum);
        record.version(d.during(p.outcomeDate.plusDays(d.between(7, 28) + d.lag(3))), row);
      }
    }
    sink.accept(record);
  }

  private void emitBirth(Person woman, Person child, Pregnancy p, Dice d, RecordSink sink) {
    int year = p.outcomeDate.getYear();
    boolean urban = areas.village(p.village).urban();
    double home = Math.max(0.0008, 0.008 - 0.0006 * (year - 2012)) * (1 - 0.5 * p.perf);
    double county = urban ? 0.86 : 0.62 + 0.1 * p.perf;
    int place = d.weighted(county, 1 - county - home - 0.001, home, 0.001);
    double caesarean = 0.31 + 0.006 * (year - 2012) + (woman.ageOn(p.outcomeDate) >= 35 ? 0.12 : 0);
    double weight = d.normal(3300 + 140 * (p.gestationWeeks - 39), 380) - (p.twins ? 500 : 0);
    Extract.Row row =
        Extract.BIRTHS
            .row()
            .set("cert_no", String.format("Q%010d", child.index))
            .set("mother_id_number", Person.render(woman.id, d))
            .set("child_sex", child.female ? "2" : "1")
            .set("birth_date", p.outcomeDate)
            .set("gestation_weeks", d.chance(0.995) ? Integer.toString(p.gestationWeeks) : "")
            .set("birth_weight_g", Math.max(600, Math.min(5600, Math.round(weight / 10) * 10)))
            .set("delivery_place", new String[] {"1", "2", "3", "9"}[place])
            .set("delivery_mode", place < 2 && d.chance(caesarean) ? "2" : "1")
            .set("residence_area_code", areas.village(p.village).code());
    sink.accept(
        new SourceRecord(Extract.BIRTHS).version(d.during(p.outcomeDate.plusDays(d.lag(4))), row));
  }

  private void emitExposedInfant(Person woman, Person child, Pregnancy p, Dice d, RecordSink sink) {
    Extract.Row row =
        Extract.HIV_EXPOSED_INFANTS
            .row()
            .set("infant_id", String.format("HE%010d", child.index))
            .set("mother_id_number", Person.render(woman.id, d))
            .set("birth_date", p.outcomeDate)
            .set("final_status", "pending")
            .set("residence_area_code", areas.village(p.village).code());
    SourceRecord record = new SourceRecord(Extract.HIV_EXPOSED_INFANTS);
    record.version(d.during(p.outcomeDate.plusDays(d.lag(10))), row);
    double transmission = "Y".equals(p.treated) ? 0.02 : 0.25;
    row.set("final_status", d.chance(transmission) ? "infected" : "uninfected");
    record.version(d.during(p.outcomeDate.plusMonths(18).plusDays(d.lag(20))), row);
    sink.accept(record);
  }

  private void maternalDeath(Person woman, Pregnancy p, Dice d, RecordSink sink) {
    boolean direct = d.chance(Rates.maternalDeath(p.perf) * (p.outcome == 3 ? 0.2 : 1));
    boolean late = !direct && d.chance(Rates.LATE_MATERNAL_DEATH);
    if (!direct && !late) {
      return;
    }
    LocalDate day =
        p.outcomeDate.plusDays(
            direct ? (d.chance(0.6) ? d.between(0, 2) : d.between(3, 41)) : d.between(43, 300));
    if (day.isAfter(settings.horizon()) || !woman.presentOn(day)) {
      return;
    }
    int village = woman.villageOn(day);
    woman.leave(day, Person.Exit.DEATH);
    String icd = direct ? CAUSES[d.weighted(CAUSE_WEIGHTS)] : (d.chance(0.9) ? "O96" : "O97");
    Extract.Row row =
        Extract.MATERNAL_DEATHS
            .row()
            .set("case_id", String.format("MD%09d", woman.index))
            .set("id_number", Person.render(woman.id, d))
            .set("death_date", day)
            .set("residence_area_code", areas.village(village).code())
            .set("icd10", icd);
    sink.accept(
        new SourceRecord(Extract.MATERNAL_DEATHS).version(d.during(day.plusDays(d.lag(15))), row));
  }
}
