package wds.pipeline.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The elections of the villagers' and residents' committees: five-year terms (elected in 2011,
 * 2016, 2021, ...), five seats each (director, deputy, three members). As persons are simulated
 * they stand for the seats of their village; who wins depends on sex and the seat, so that women
 * hold about a quarter of village-committee seats and half of residents'-committee seats. Memory is
 * one flag per village, term and seat.
 */
final class CommitteeSeats {

  private static final long TOPIC = 70;
  private static final int SEATS = 5;
  private static final String[] ROLES = {"director", "deputy", "member", "member", "member"};

  /** How readily a woman (relative to a man) wins each seat of a village committee. */
  private static final double[] VILLAGE_WOMEN = {0.09, 0.18, 0.2, 0.2, 0.2};

  private static final double[] RESIDENTS_WOMEN = {0.9, 1.2, 1.4, 1.4, 1.4};

  /** Share of village committees whose fifth seat is kept for a woman (the women's member). */
  private static final double WOMENS_SEAT = 0.75;

  private final GeneratorSettings settings;
  private final CountyAreas areas;
  private final List<Integer> termYears = new ArrayList<>();
  private final boolean[][][] filled;
  private final double[] expectedCandidates;

  CommitteeSeats(GeneratorSettings settings, CountyAreas areas) {
    this.settings = settings;
    this.areas = areas;
    for (int y = 2011; y <= settings.horizon().getYear(); y += 5) {
      if (y + 5 >= settings.firstYear()) {
        termYears.add(y);
      }
    }
    int villages = areas.villages().size();
    filled = new boolean[termYears.size()][villages][SEATS];
    expectedCandidates = new double[villages];
    double total = areas.villages().stream().mapToDouble(Area::weight).sum();
    for (int v = 0; v < villages; v++) {
      expectedCandidates[v] =
          Math.max(1, settings.persons() * areas.village(v).weight() / total * 0.55);
    }
  }

  LocalDate termStart(int term, int village) {
    long h = Dice.hash(settings.seed(), TOPIC, village, termYears.get(term));
    return LocalDate.of(termYears.get(term), 1, 10).plusDays(Math.floorMod(h, 90L));
  }

  /** Lets the person stand in each election of their village; records the seats won. */
  void stand(Person p, RecordSink sink) {
    Dice d = Dice.of(settings.seed(), TOPIC, p.index);
    String id = null;
    for (int term = 0; term < termYears.size(); term++) {
      LocalDate start = LocalDate.of(termYears.get(term), 1, 1);
      int village = p.villageOn(start);
      if (village < 0) {
        continue;
      }
      start = termStart(term, village);
      if (start.isAfter(settings.horizon())
          || p.villageOn(start) != village
          || p.ageOn(start) < 25
          || p.ageOn(start) > 62) {
        continue;
      }
      Area area = areas.village(village);
      boolean residents = area.committeeType().equals("residents");
      double perf = areas.townshipOf(village).performance();
      boolean womensSeat =
          !residents
              && Dice.unit(Dice.hash(settings.seed(), TOPIC, village, term, 5)) < WOMENS_SEAT;
      double scale = 6.0 / expectedCandidates[village];
      for (int seat = 0; seat < SEATS; seat++) {
        if (filled[term][village][seat]) {
          continue;
        }
        double weight;
        if (seat == 4 && womensSeat) {
          weight = p.female ? 1.0 : 0.0;
        } else {
          double women = (residents ? RESIDENTS_WOMEN : VILLAGE_WOMEN)[seat] * (1 + 0.35 * perf);
          weight = p.female ? women : 1.0;
        }
        if (!d.chance(weight * scale)) {
          continue;
        }
        filled[term][village][seat] = true;
        if (id == null) {
          id = Person.render(p.id, d);
        }
        LocalDate end =
            term + 1 < termYears.size()
                ? termStart(term + 1, village)
                : settings.horizon().plusDays(1);
        if (p.exited() != null && p.exited().isBefore(end)) {
          end = p.exited();
        }
        Extract.Row row =
            Extract.COMMITTEE_MEMBERS
                .row()
                .set("member_id", "CM" + termYears.get(term) + area.code().substring(6) + seat)
                .set("id_number", id)
                .set("committee_area_code", area.code())
                .set("committee_type", area.committeeType())
                .set("role", ROLES[seat])
                .set("term_start", start);
        SourceRecord record = new SourceRecord(Extract.COMMITTEE_MEMBERS);
        record.version(d.during(start.plusDays(d.lag(7))), row);
        if (!end.isAfter(settings.horizon())) {
          row.set("term_end", end);
          record.version(d.during(end.plusDays(d.lag(7))), row);
        }
        sink.accept(record);
        break;
      }
    }
  }
}
