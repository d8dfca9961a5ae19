package wds.pipeline.synthetic;

import java.time.LocalDate;
import wds.pipeline.person.IdentityNumber;

/**
 * Creates the members of the registry (the opening population, newborns, in-migrants) and simulates
 * their stay in the county: ageing, deaths, moves between villages, leaving.
 */
final class Demography {

  private static final long TOPIC_OPENING = 1;
  private static final long TOPIC_LIFE = 2;
  private static final long TOPIC_MIGRANT = 3;

  private final GeneratorSettings settings;
  private final CountyAreas areas;
  private final IdentityIssuer issuer;
  private final double[] villageWeights;
  private final double[] migrantWeights;
  private final double[] urbanWeights;

  Demography(GeneratorSettings settings, CountyAreas areas, IdentityIssuer issuer) {
    this.settings = settings;
    this.areas = areas;
    this.issuer = issuer;
    int n = areas.villages().size();
    villageWeights = new double[n];
    migrantWeights = new double[n];
    urbanWeights = new double[n];
    for (int i = 0; i < n; i++) {
      Area v = areas.village(i);
      villageWeights[i] = v.weight();
      migrantWeights[i] = v.weight() * (v.urban() ? 1.6 : 1.0);
      urbanWeights[i] = v.urban() ? v.weight() * (v.township() == 0 ? 3 : 1) : 0;
    }
  }

  /** Opening registry size of each village: the persons setting shared by village weight. */
  int[] openingSizes() {
    int n = villageWeights.length;
    int[] sizes = new int[n];
    double total = 0;
    for (double w : villageWeights) {
      total += w;
    }
    int assigned = 0;
    for (int i = 0; i < n; i++) {
      sizes[i] = (int) Math.floor(settings.persons() * villageWeights[i] / total);
      assigned += sizes[i];
    }
    for (int i = 0; assigned < settings.persons(); i = (i + 1) % n) {
      sizes[i]++;
      assigned++;
    }
    return sizes;
  }

  /** A member of the opening registry (living in {@code village} on 31 December before). */
  Person opening(long index, int village) {
    Dice d = Dice.of(settings.seed(), TOPIC_OPENING, index);
    double[] ages = new double[101];
    for (int a = 0; a <= 100; a++) {
      ages[a] = Rates.openingAgeWeight(a);
    }
    int age = d.weighted(ages);
    if (age == 100) {
      age += d.between(0, 4);
    }
    LocalDate eve = settings.start().minusDays(1);
    LocalDate birth = d.day(eve.minusYears(age + 1).plusDays(1), eve.minusYears(age));
    boolean female = d.u() < (age >= 65 ? 0.53 : 0.485);
    // born in the county unless an earlier in-migrant (more of them among adults)
    boolean local = d.chance(age < 12 ? 0.9 : 0.68);
    String prefix = local ? issuer.county() : issuer.origin(d);
    IdentityNumber id = issuer.issue(prefix, birth, female);
    return new Person(
        index, birth, female, id, Person.Entry.INITIAL, settings.start(), village, null);
  }

  /** A child born in the county to {@code mother}. */
  Person newborn(long index, Person mother, LocalDate birth, boolean female) {
    IdentityNumber id = issuer.issue(issuer.county(), birth, female);
    int village = mother.villageOn(birth);
    return new Person(
        index,
        birth,
        female,
        id,
        Person.Entry.BORN,
        birth,
        village >= 0 ? village : mother.lastVillage(),
        mother);
  }

  /** Adult in-migrants of {@code year}: how many. */
  int migrantsIn(int year) {
    double expected = settings.persons() * Rates.IN_MIGRATION;
    Dice d = Dice.of(settings.seed(), TOPIC_MIGRANT, year);
    return (int) Math.max(0, Math.round(expected + d.normal(0, Math.sqrt(expected))));
  }

  /** An adult moving into the county in {@code year}. */
  Person migrant(long index, int year) {
    Dice d = Dice.of(settings.seed(), TOPIC_MIGRANT, year, index);
    LocalDate day =
        d.day(
            LocalDate.of(year, 1, 1),
            year == settings.horizon().getYear() ? settings.horizon() : LocalDate.of(year, 12, 31));
    int age = Math.max(16, Math.min(70, (int) Math.round(d.normal(29, 8))));
    LocalDate birth = d.day(day.minusYears(age + 1).plusDays(1), day.minusYears(age));
    boolean female = d.chance(0.46);
    IdentityNumber id = issuer.issue(issuer.origin(d), birth, female);
    int village = d.weighted(migrantWeights);
    return new Person(index, birth, female, id, Person.Entry.MIGRANT, day, village, null);
  }

  /** A child coming with an in-migrant mother. */
  Person accompanyingChild(long index, Person mother) {
    Dice d = Dice.of(settings.seed(), TOPIC_MIGRANT, mother.index, index);
    int maxAge = Math.min(15, mother.ageOn(mother.entered) - 20);
    int age = d.between(0, Math.max(0, maxAge));
    LocalDate birth =
        d.day(mother.entered.minusYears(age + 1).plusDays(1), mother.entered.minusYears(age));
    boolean female = d.chance(0.485);
    String prefix = mother.id.normalised().substring(0, 6);
    IdentityNumber id = issuer.issue(prefix, birth, female);
    return new Person(
        index,
        birth,
        female,
        id,
        Person.Entry.MIGRANT,
        mother.entered,
        mother.firstVillage(),
        mother);
  }

  /** How many children come with an in-migrant. */
  int accompanyingChildren(Person migrant) {
    Dice d = Dice.of(settings.seed(), TOPIC_MIGRANT, migrant.index, -1);
    int age = migrant.ageOn(migrant.entered);
    if (!migrant.female || age < 22 || age > 45) {
      return 0;
    }
    return d.chance(0.45) ? (d.chance(0.35) ? 2 : 1) : 0;
  }

  /** Simulates deaths, moves and leaving from entry to the horizon. */
  void simulate(Person p) {
    Dice d = Dice.of(settings.seed(), TOPIC_LIFE, p.index);
    LocalDate horizon = settings.horizon();
    LocalDate sixteen = p.birthday(16);
    Person g = p.guardian;
    if (g != null) {
      for (int i = 0; i < g.moves(); i++) {
        LocalDate m = g.moveDate(i);
        if (m.isAfter(p.entered) && m.isBefore(sixteen)) {
          p.move(m, g.moveVillage(i));
        }
      }
      if (g.exit() == Person.Exit.MIGRATION
          && g.exited().isAfter(p.entered)
          && g.exited().isBefore(sixteen)) {
        p.leave(g.exited(), Person.Exit.MIGRATION);
      }
    }
    for (int year = p.entered.getYear(); year <= horizon.getYear(); year++) {
      LocalDate from = max(p.entered, LocalDate.of(year, 1, 1));
      LocalDate to = LocalDate.of(year, 12, 31);
      if (p.exited() != null && !p.exited().isAfter(to)) {
        to = p.exited().minusDays(1);
      }
      if (to.isBefore(from)) {
        break;
      }
      double fraction = (to.toEpochDay() - from.toEpochDay() + 1) / 365.0;
      int age = p.ageOn(from);
      int village = p.villageOn(from);
      if (village < 0) {
        break;
      }
      double perf = areas.townshipOf(village).performance();
      if (d.chance(Rates.death(age, p.female, year) * fraction)) {
        p.leave(d.day(from, to), Person.Exit.DEATH);
        break;
      }
      boolean independent = g == null || age >= 16;
      if (independent && d.chance(Rates.outMigration(age, perf) * fraction)) {
        p.leave(d.day(from, to), Person.Exit.MIGRATION);
        break;
      }
      if (independent
          && age >= 18
          && age <= 45
          && !areas.village(village).urban()
          && d.chance(Rates.URBANISATION * fraction)) {
        LocalDate day = d.day(from, to);
        p.move(day, d.weighted(urbanWeights));
      }
    }
  }

  static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
