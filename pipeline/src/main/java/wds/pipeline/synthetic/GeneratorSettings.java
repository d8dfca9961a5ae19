package wds.pipeline.synthetic;

import java.time.LocalDate;

/**
 * The parameters of one synthetic county: everything a delivery is derived from. The same settings
 * always give byte-identical files.
 *
 * @param persons size of the registry at the start of the first year (the county's population on 31
 *     December of the year before)
 * @param seed random seed
 * @param firstYear first year the source systems hold records for
 * @param lastYear last full year simulated; the simulation runs to the end of the year after it, so
 *     deliveries up to then are possible
 * @param date the delivery's extract date: nothing dated after it appears (except injected faults)
 * @param badRowRate fraction of record rows replaced by faulty ones (0 for none)
 * @param educationFormat the students extract as CSV or xlsx
 * @param county 12-digit code of the county simulated, one of {@link BuiltInCounties}
 */
public record GeneratorSettings(
    int persons,
    long seed,
    int firstYear,
    int lastYear,
    LocalDate date,
    double badRowRate,
    EducationFormat educationFormat,
    String county) {

  /** Settings for Hutubi, the default county. */
  public GeneratorSettings(
      int persons,
      long seed,
      int firstYear,
      int lastYear,
      LocalDate date,
      double badRowRate,
      EducationFormat educationFormat) {
    this(
        persons,
        seed,
        firstYear,
        lastYear,
        date,
        badRowRate,
        educationFormat,
        BuiltInCounties.HUTUBI);
  }

  /** Hutubi's size, seed 1, years 2012-2025, delivered on 15 January 2026, no faults, CSV. */
  public static GeneratorSettings defaults() {
    return new GeneratorSettings(
        210_000, 1, 2012, 2025, LocalDate.of(2026, 1, 15), 0.0, EducationFormat.CSV);
  }

  public GeneratorSettings {
    if (persons < 100) {
      throw new IllegalArgumentException("a county needs at least 100 persons, not " + persons);
    }
    if (firstYear < 1990 || lastYear < firstYear || lastYear > 2090) {
      throw new IllegalArgumentException("years " + firstYear + "-" + lastYear + " out of range");
    }
    if (date.isBefore(LocalDate.of(firstYear, 12, 31)) || date.isAfter(horizon(lastYear))) {
      throw new IllegalArgumentException(
          "extract date "
              + date
              + " must lie between the end of the first year and the end of "
              + (lastYear + 1));
    }
    BuiltInCounties.get(county);
    if (badRowRate < 0 || badRowRate > 0.2) {
      throw new IllegalArgumentException("bad-row rate must be between 0 and 0.2");
    }
  }

  public GeneratorSettings withPersons(int n) {
    return new GeneratorSettings(
        n, seed, firstYear, lastYear, date, badRowRate, educationFormat, county);
  }

  public GeneratorSettings withSeed(long s) {
    return new GeneratorSettings(
        persons, s, firstYear, lastYear, date, badRowRate, educationFormat, county);
  }

  public GeneratorSettings withDate(LocalDate d) {
    return new GeneratorSettings(
        persons, seed, firstYear, lastYear, d, badRowRate, educationFormat, county);
  }

  public GeneratorSettings withBadRowRate(double r) {
    return new GeneratorSettings(
        persons, seed, firstYear, lastYear, date, r, educationFormat, county);
  }

  public GeneratorSettings withEducationFormat(EducationFormat f) {
    return new GeneratorSettings(persons, seed, firstYear, lastYear, date, badRowRate, f, county);
  }

  /** The same settings for another built-in county. */
  public GeneratorSettings withCounty(String code) {
    return new GeneratorSettings(
        persons,
        seed,
        firstYear,
        lastYear,
        date,
        badRowRate,
        educationFormat,
        BuiltInCounties.get(code).code());
  }

  /** 1 January of the first year: the registry's opening day. */
  LocalDate start() {
    return LocalDate.of(firstYear, 1, 1);
  }

  /** The last simulated day, independent of the extract date so that deltas agree with fulls. */
  LocalDate horizon() {
    return horizon(lastYear);
  }

  private static LocalDate horizon(int lastYear) {
    return LocalDate.of(lastYear + 1, 12, 31);
  }
}
