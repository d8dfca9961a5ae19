package wds.pipeline.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import wds.pipeline.person.IdentityNumber;

/**
 * A woman's marital history (first marriage, divorce, widowhood, remarriage) and the civil-affairs
 * registrations it leaves in the county. Husbands are drawn as identity numbers only: they are not
 * members of the simulated registry (many live or were born elsewhere).
 */
final class FamilyHistory {

  private static final long TOPIC = 10;

  /** One marriage: from its start to its end (divorce or widowhood), null while it lasts. */
  record Marriage(
      LocalDate start,
      IdentityNumber husband,
      String husbandPrior,
      String wifePrior,
      LocalDate end,
      boolean divorced) {}

  private final GeneratorSettings settings;
  private final CountyAreas areas;
  private final IdentityIssuer issuer;

  FamilyHistory(GeneratorSettings settings, CountyAreas areas, IdentityIssuer issuer) {
    this.settings = settings;
    this.areas = areas;
    this.issuer = issuer;
  }

  /** A woman's marriages up to the horizon, ignoring her own exit (records are cut to it later). */
  List<Marriage> plan(Person woman) {
    List<Marriage> marriages = new ArrayList<>();
    if (!woman.female) {
      return marriages;
    }
    Dice d = Dice.of(settings.seed(), TOPIC, woman.index);
    if (!d.chance(Rates.EVER_MARRY)) {
      return marriages;
    }
    boolean urban = areas.village(woman.firstVillage()).urban();
    int year25 = woman.birth.getYear() + 25;
    double mean = (urban ? 25.2 : 23.4) + 0.10 * Math.max(-20, Math.min(15, year25 - 2012));
    double age = Math.max(20.05, Math.min(42, d.normal(mean, 3.0)));
    LocalDate start = woman.birth.plusDays((long) (age * 365.25));
    String prior = "never";
    LocalDate horizon = settings.horizon();
    while (!start.isAfter(horizon) && marriages.size() < 4) {
      double husbandAge = Math.max(22.05, woman.ageOn(start) + d.normal(2.5, 2.5));
      LocalDate husbandBirth = start.minusDays((long) (husbandAge * 365.25));
      String prefix = d.chance(0.7) ? issuer.county() : issuer.origin(d);
      IdentityNumber husband = issuer.issue(prefix, husbandBirth, false);
      String husbandPrior =
          prior.equals("never")
              ? pick(d, new double[] {0.92, 0.07, 0.01})
              : pick(d, new double[] {0.35, 0.55, 0.10});
      LocalDate end = null;
      boolean divorced = false;
      for (LocalDate y = start; !y.isAfter(horizon); y = y.plusYears(1)) {
        int hisAge = (int) ((y.toEpochDay() - husbandBirth.toEpochDay()) / 365.25);
        if (d.chance(Rates.divorce(y.getYear()) * (y.equals(start) ? 0.3 : 1.0))) {
          end = d.day(y, y.plusDays(364));
          divorced = true;
          break;
        }
        if (d.chance(Rates.death(hisAge, false, y.getYear()))) {
          end = d.day(y, y.plusDays(364));
          break;
        }
      }
      if (end != null && end.isAfter(horizon)) {
        end = null;
        divorced = false;
      }
      marriages.add(new Marriage(start, husband, husbandPrior, prior, end, divorced));
      if (end == null) {
        break;
      }
      int herAge = woman.ageOn(end);
      double again = divorced ? (herAge < 45 ? 0.5 : 0.15) : (herAge < 55 ? 0.2 : 0.03);
      if (!d.chance(again)) {
        break;
      }
      start = end.plusDays(180 + (long) d.exponential(2.5 * 365));
      prior = divorced ? "divorced" : "widowed";
    }
    return marriages;
  }

  /** Whether the woman is married on {@code day}. */
  static boolean married(List<Marriage> marriages, LocalDate day) {
    for (Marriage m : marriages) {
      if (!day.isBefore(m.start()) && (m.end() == null || day.isBefore(m.end()))) {
        return true;
      }
    }
    return false;
  }

  /** The registrations in the county: marriages and divorces while she lived there. */
  void emit(Person woman, List<Marriage> marriages, RecordSink sink) {
    Dice d = Dice.of(settings.seed(), TOPIC, woman.index, 1);
    String wife = Person.render(woman.id, d);
    int n = 0;
    for (Marriage m : marriages) {
      n++;
      register(woman, wife, m, m.start(), "marriage", n, d, sink);
      if (m.divorced()) {
        register(woman, wife, m, m.end(), "divorce", n, d, sink);
      }
    }
  }

  private void register(
      Person woman,
      String wife,
      Marriage m,
      LocalDate day,
      String kind,
      int n,
      Dice d,
      RecordSink sink) {
    if (day.isBefore(settings.start()) || !woman.presentOn(day)) {
      return;
    }
    boolean marriage = kind.equals("marriage");
    Extract.Row row =
        Extract.MARRIAGES
            .row()
            .set(
                "registration_no",
                String.format(
                    "%s%s-%d-%09d%d",
                    marriage ? "J" : "L", issuer.county(), day.getYear(), woman.index, n))
            .set("kind", kind)
            .set("registration_date", day)
            .set("party1_id_number", Person.render(m.husband(), d))
            .set("party2_id_number", wife)
            .set("party1_prior", marriage ? m.husbandPrior() : "")
            .set("party2_prior", marriage ? m.wifePrior() : "")
            .set("registry_area_code", areas.village(woman.villageOn(day)).code());
    sink.accept(new SourceRecord(Extract.MARRIAGES).version(d.during(day), row));
  }

  private static String pick(Dice d, double[] weights) {
    return switch (d.weighted(weights)) {
      case 0 -> "never";
      case 1 -> "divorced";
      default -> "widowed";
    };
  }
}
