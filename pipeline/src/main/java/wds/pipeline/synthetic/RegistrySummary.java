package wds.pipeline.synthetic;

import java.util.Arrays;

/**
 * What happened in the simulated registry, year by year: year-end population and the flows that
 * change it (births, deaths, moves in and out). {@code population[y] = population[y-1] + births -
 * deaths + in - out} holds for every year.
 *
 * @param firstYear the year of index 0
 * @param opening persons on 31 December of the year before the first
 * @param population year-end persons, by year
 * @param births live births in the county
 * @param deaths deaths of residents
 * @param movedIn persons moving in (with the children they bring)
 * @param movedOut residents moving away
 */
public record RegistrySummary(
    int firstYear,
    long opening,
    long[] population,
    long[] births,
    long[] deaths,
    long[] movedIn,
    long[] movedOut) {

  static RegistrySummary empty(int firstYear, int lastYear, long opening) {
    int n = lastYear - firstYear + 1;
    return new RegistrySummary(
        firstYear, opening, new long[n], new long[n], new long[n], new long[n], new long[n]);
  }

  public int lastYear() {
    return firstYear + population.length - 1;
  }

  public long population(int year) {
    return year == firstYear - 1 ? opening : population[year - firstYear];
  }

  public long births(int year) {
    return births[year - firstYear];
  }

  public long deaths(int year) {
    return deaths[year - firstYear];
  }

  public long movedIn(int year) {
    return movedIn[year - firstYear];
  }

  public long movedOut(int year) {
    return movedOut[year - firstYear];
  }

  void birth(int year) {
    add(births, year);
  }

  void count(Person p) {
    if (p.entry == Person.Entry.MIGRANT) {
      add(movedIn, p.entered.getYear());
    }
    if (p.exited() != null) {
      add(p.exit() == Person.Exit.DEATH ? deaths : movedOut, p.exited().getYear());
    }
  }

  void resident(int year) {
    add(population, year);
  }

  private void add(long[] series, int year) {
    int i = year - firstYear;
    if (i >= 0 && i < series.length) {
      series[i]++;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegistrySummary r
        && r.firstYear == firstYear
        && r.opening == opening
        && Arrays.equals(r.population, population)
        && Arrays.equals(r.births, births)
        && Arrays.equals(r.deaths, deaths)
        && Arrays.equals(r.movedIn, movedIn)
        && Arrays.equals(r.movedOut, movedOut);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(population) * 31 + firstYear;
  }

  @Override
  public String toString() {
    return "RegistrySummary["
        + firstYear
        + "-"
        + lastYear()
        + ", population "
        + Arrays.toString(population)
        + "]";
  }
}
