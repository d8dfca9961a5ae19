package wds.jobs.region;

import java.io.PrintWriter;
import java.util.Locale;
import wds.jobs.OperatorException;
import wds.pipeline.synthetic.BuiltInCounties;
import wds.pipeline.synthetic.CountyGenerator;
import wds.pipeline.synthetic.CountyProfile;
import wds.pipeline.synthetic.GenerationSummary;
import wds.pipeline.synthetic.GeneratorSettings;

/**
 * {@code wds generate --region}: one night's delivery for every county of a region, each into its
 * county's drop folder, each county its own (its townships from the built-in list, its seed mixed
 * with its code), the whole deterministic.
 */
public final class RegionDeliveries {

  /** The largest county's size when {@code --persons} is not given. */
  public static final int DEFAULT_LARGEST = 20_000;

  private RegionDeliveries() {}

  /**
   * Writes every county's delivery.
   *
   * @param settings the options (persons: the largest county's size; seed: the region's)
   * @param personsGiven whether {@code --persons} was given (else {@link #DEFAULT_LARGEST})
   */
  public static int generate(
      RegionFile region, GeneratorSettings settings, boolean personsGiven, PrintWriter out) {
    double largest = 0;
    for (RegionFile.County c : region.counties()) {
      CountyProfile profile =
          BuiltInCounties.find(c.code())
              .orElseThrow(
                  () ->
                      new OperatorException(
                          "county "
                              + c.code()
                              + " of "
                              + region.file()
                              + " is not in the generator's built-in list"));
      largest = Math.max(largest, profile.size());
    }
    region.createHomes();
    int persons = personsGiven ? settings.persons() : DEFAULT_LARGEST;
    for (RegionFile.County c : region.counties()) {
      CountyProfile profile = BuiltInCounties.get(c.code());
      GeneratorSettings s =
          settings
              .withCounty(profile.code())
              .withPersons(profile.personsFor(persons, largest))
              .withSeed(profile.seedFor(settings.seed()));
      long t0 = System.nanoTime();
      GenerationSummary summary = CountyGenerator.generate(s, c.drop());
      out.printf(
          Locale.ROOT,
          "%s %s: %,d persons, %d files, %,d rows into %s, %.1f s%n",
          profile.code6(),
          profile.name(),
          s.persons(),
          summary.files().size(),
          summary.rows(),
          c.drop(),
          (System.nanoTime() - t0) / 1e9);
      out.flush();
    }
    return 0;
  }
}
