package wds.pipeline.synthetic;

import java.time.LocalDateTime;

/**
 * The simulation of the whole county: the opening registry village by village, each person whole
 * (with the children born to her, depth first), then the in-migrants year by year; the population
 * counts, the committees and the departments' returns. Every record goes to one sink as soon as it
 * is complete, so memory does not grow with the county.
 */
final class CountySimulation {

  private final GeneratorSettings settings;
  private final CountyAreas areas;
  private final Demography demography;
  private final FamilyHistory family;
  private final MaternalHistory maternal;
  private final SchoolHistory school;
  private final WorkHistory work;
  private final AssistanceHistory assistance;
  private final ScreeningHistory screening;
  private final CommitteeSeats committees;
  private final PopulationCounts population;
  private final RegistrySummary summary;
  private long nextIndex;

  CountySimulation(GeneratorSettings settings) {
    this.settings = settings;
    CountyProfile county = BuiltInCounties.get(settings.county());
    this.areas = CountyAreas.of(county);
    IdentityIssuer issuer = new IdentityIssuer(settings.seed(), county.code6());
    demography = new Demography(settings, areas, issuer);
    family = new FamilyHistory(settings, areas, issuer);
    maternal = new MaternalHistory(settings, areas, demography);
    school = new SchoolHistory(settings, areas);
    work = new WorkHistory(settings, areas);
    assistance = new AssistanceHistory(settings, areas);
    screening = new ScreeningHistory(settings, areas);
    committees = new CommitteeSeats(settings, areas);
    population =
        new PopulationCounts(settings.firstYear(), settings.lastYear(), areas.villages().size());
    summary = RegistrySummary.empty(settings.firstYear(), settings.lastYear(), settings.persons());
  }

  CountyAreas areas() {
    return areas;
  }

  /** Runs the simulation to the horizon, handing every record to {@code sink}. */
  RegistrySummary run(RecordSink sink) {
    emitAreas(sink);
    int[] sizes = demography.openingSizes();
    nextIndex = settings.persons();
    long index = 0;
    for (int v = 0; v < sizes.length; v++) {
      for (int i = 0; i < sizes[v]; i++) {
        live(demography.opening(index++, v), sink);
      }
    }
    for (int year = settings.firstYear(); year <= settings.horizon().getYear(); year++) {
      int migrants = demography.migrantsIn(year);
      for (int i = 0; i < migrants; i++) {
        Person p = demography.migrant(nextIndex++, year);
        int children = demography.accompanyingChildren(p);
        live(p, sink);
        for (int c = 0; c < children; c++) {
          live(demography.accompanyingChild(nextIndex++, p), sink);
        }
      }
    }
    population.emit(areas, sink);
    new DepartmentReturns(settings, areas, population).emit(sink);
    return summary;
  }

  /** Simulates one person whole, then the children born to her. */
  private void live(Person p, RecordSink sink) {
    demography.simulate(p);
    var marriages = family.plan(p);
    var children = maternal.simulate(p, marriages, sink, () -> nextIndex++, summary);
    family.emit(p, marriages, sink);
    school.emit(p, sink);
    work.emit(p, sink);
    assistance.emit(p, sink);
    screening.emit(p, sink);
    committees.stand(p, sink);
    population.count(p, summary);
    summary.count(p);
    for (Person child : children) {
      live(child, sink);
    }
  }

  private void emitAreas(RecordSink sink) {
    LocalDateTime listed = LocalDateTime.of(settings.firstYear() - 1, 12, 20, 10, 0);
    for (Area a : areas.all()) {
      Extract.Row row =
          Extract.AREAS
              .row()
              .set("area_code", a.code())
              .set("name", a.name())
              .set("level", a.level())
              .set("parent_code", a.parentCode())
              .set("urban_rural_code", a.urbanRuralCode())
              .set("committee_type", a.committeeType());
      sink.accept(new SourceRecord(Extract.AREAS).version(listed, row));
    }
  }
}
