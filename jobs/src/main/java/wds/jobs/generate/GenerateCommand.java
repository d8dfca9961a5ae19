package wds.jobs.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import wds.jobs.HomeOption;
import wds.jobs.region.RegionDeliveries;
import wds.jobs.region.RegionFile;
import wds.pipeline.synthetic.BuiltInCounties;
import wds.pipeline.synthetic.CountyGenerator;
import wds.pipeline.synthetic.CountyProfile;
import wds.pipeline.synthetic.DeliveredFile;
import wds.pipeline.synthetic.EducationFormat;
import wds.pipeline.synthetic.GenerationSummary;
import wds.pipeline.synthetic.GeneratorSettings;

/** The {@code wds generate} command: writes one nightly delivery of the synthetic county. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes one nightly delivery of every source of a synthetic county shaped like Hutubi"
          + " (652323): <out>/<source>/<extract>_<yyyymmdd>.<ext> with a manifest per source,"
          + " generator.json and injected-faults.csv beside them.",
      "With --delta-from, writes the next night's delta delivery instead.",
      "With --county CODE, a county of the built-in list (Changji's seven and a few others);"
          + " with --region FILE, every county of the region into its drop folder, the largest"
          + " with --persons and the others scaled as the built-in list says."
    })
public final class GenerateCommand implements Callable<Integer> {

  @Mixin HomeOption home;

  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "where to write (required unless --region is given)")
  Path out;

  @Option(
      names = "--county",
      paramLabel = "CODE",
      description = "a county of the built-in list, 6 or 12 digits (default 652323, Hutubi)")
  String county;

  @Option(
      names = "--region",
      paramLabel = "FILE",
      description = "a region file: one delivery per county, into each county's drop folder")
  Path region;

  @Option(
      names = "--persons",
      paramLabel = "N",
      description = "registry size at the start of the first year (default 210000)")
  Integer persons;

  @Option(names = "--seed", paramLabel = "S", description = "random seed (default 1)")
  Long seed;

  @Option(
      names = "--years",
      paramLabel = "FIRST-LAST",
      description = "years the source systems hold (default 2012-2025)")
  String years;

  @Option(
      names = "--date",
      paramLabel = "yyyy-MM-dd",
      description =
          "the delivery's extract date (default 2026-01-15; with --delta-from the previous"
              + " delivery's date + 1 day)")
  LocalDate date;

  @Option(
      names = "--bad-rows",
      paramLabel = "RATE",
      description = "fraction of record rows made faulty, e.g. 0.001 (default 0)")
  Double badRows;

  @Option(
      names = "--education-format",
      paramLabel = "csv|xlsx",
      description = "file format of the students extract (default csv)")
  String educationFormat;

  @Option(
      names = "--delta-from",
      paramLabel = "DIR",
      description = "a delivery written by wds generate: write the next night's delta")
  Path deltaFrom;

  @Override
  public Integer call() {
    long started = System.nanoTime();
    if (region != null) {
      if (out != null || deltaFrom != null || county != null) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(),
            "--region writes into the counties' drop folders: no --out,"
                + " --county or --delta-from");
      }
      return RegionDeliveries.generate(
          RegionFile.load(region), settings(), persons != null, spec.commandLine().getOut());
    }
    if (out == null) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "Missing required option: '--out=DIR'");
    }
    GenerationSummary summary;
    if (deltaFrom != null) {
      if (persons != null
          || seed != null
          || years != null
          || educationFormat != null
          || county != null) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(),
            "--delta-from takes the county from the previous delivery: only --out, --date and"
                + " --bad-rows may be given");
      }
      summary = CountyGenerator.generateDelta(deltaFrom, out, date, badRows);
    } else {
      GeneratorSettings s = settings();
      if (county != null) {
        CountyProfile profile = county(county);
        s = s.withCounty(profile.code()).withSeed(profile.seedFor(s.seed()));
      }
      summary = CountyGenerator.generate(s, out);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    print(summary, out, seconds);
    return 0;
  }

  private CountyProfile county(String code) {
    try {
      return BuiltInCounties.get(code);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** The settings the options give, for Hutubi. */
  private GeneratorSettings settings() {
    GeneratorSettings s = GeneratorSettings.defaults();
    if (persons != null) {
      s = s.withPersons(persons);
    }
    if (seed != null) {
      s = s.withSeed(seed);
    }
    if (date != null) {
      s = s.withDate(date);
    }
    if (badRows != null) {
      s = s.withBadRowRate(badRows);
    }
    if (educationFormat != null) {
      s = s.withEducationFormat(EducationFormat.valueOf(educationFormat.toUpperCase(Locale.ROOT)));
    }
    if (years != null) {
      String[] parts = years.split("-");
      if (parts.length != 2) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--years must look like 2012-2025");
      }
      s =
          new GeneratorSettings(
              s.persons(),
              s.seed(),
              Integer.parseInt(parts[0].trim()),
              Integer.parseInt(parts[1].trim()),
              s.date(),
              s.badRowRate(),
              s.educationFormat());
    }
    return s;
  }

  /** The summary lines of one delivery. */
  private void print(GenerationSummary summary, Path out, double seconds) {
    var w = spec.commandLine().getOut();
    w.printf(
        Locale.ROOT,
        "%s delivery of %s to %s: %d files, %,d rows, %d faulty rows, %.1f s%n",
        summary.delta() ? "delta" : "full",
        summary.settings().date(),
        out,
        summary.files().size(),
        summary.rows(),
        summary.faultsInjected(),
        seconds);
    for (DeliveredFile f : summary.files()) {
      w.printf(Locale.ROOT, "  %-10s %-36s %,10d  %s%n", f.source(), f.name(), f.rows(), f.mode());
    }
    w.flush();
  }
}
