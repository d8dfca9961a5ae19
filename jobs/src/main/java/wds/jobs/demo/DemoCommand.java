package wds.jobs.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import wds.jobs.HomeOption;
import wds.jobs.WdsHome;
import wds.jobs.load.LoadCommand;
import wds.jobs.nightly.NightlyJobConfiguration;
import wds.pipeline.pseudonym.Pseudonymiser;
import wds.pipeline.synthetic.CountyGenerator;
import wds.pipeline.synthetic.GenerationSummary;
import wds.pipeline.synthetic.GeneratorSettings;
import wds.warehouse.publish.Snapshots;
import wds.warehouse.report.ReportYears;

/**
 * {@code wds demo}: generates the synthetic demo county into {@code <home>/drop} and runs the
 * nightly job on it (load, build, publish). Run again, it finds the same delivery, recognises it as
 * loaded and publishes again.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Generate the demo county into <home>/drop and run the nightly job on it: load, build,"
            + " publish the snapshot, the Parquet lake and the public feed.")
public final class DemoCommand implements Callable<Integer> {

  @Mixin HomeOption homeOption;

  @Option(
      names = "--persons",
      paramLabel = "N",
      defaultValue = "50000",
      description = "registry size of the demo county (default ${DEFAULT-VALUE})")
  int persons;

  @Option(
      names = "--bad-rows",
      paramLabel = "RATE",
      defaultValue = "0.001",
      description =
          "fraction of record rows the generator makes faulty, with every reason code of"
              + " sources.md, for the load to catch and report; 0 for a clean county (default"
              + " ${DEFAULT-VALUE})")
  double badRows;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, SQLException {
    if (badRows < 0 || badRows > 0.2) {
      throw new ParameterException(spec.commandLine(), "--bad-rows must be between 0 and 0.2");
    }
    WdsHome home = homeOption.create();
    boolean newSecret = !Files.exists(home.pseudonymKey());
    Pseudonymiser.load(home.pseudonymKey(), true);
    if (newSecret && System.getenv(Pseudonymiser.ENV) == null) {
      System.out.println("demo: created the pseudonymisation secret " + home.pseudonymKey());
    }
    Path drop = home.drop();
    GeneratorSettings settings =
        GeneratorSettings.defaults().withPersons(persons).withBadRowRate(badRows);
    if (sameDeliveryThere(drop, settings)) {
      System.out.println("demo: the demo county is already in " + drop + " (not generated again)");
    } else {
      long t0 = System.nanoTime();
      GenerationSummary summary = CountyGenerator.generate(settings, drop);
      System.out.printf(
          Locale.ROOT,
          "demo: generated a county of %,d persons: %d files, %,d rows, extract date %s,"
              + " into %s (%.1f s)%n",
          persons,
          summary.files().size(),
          summary.rows(),
          settings.date(),
          drop,
          (System.nanoTime() - t0) / 1e9);
    }
    int code = LoadCommand.run(home, drop, 0, NightlyJobConfiguration.JOB);
    if (Files.isRegularFile(home.workDatabase())) {
      FaultReport.of(
              drop.resolve(CountyGenerator.FAULTS_FILE), home.workDatabase(), settings.date())
          .print(System.out, home.quarantine());
    }
    int year = yearToAskAbout(home);
    System.out.printf(
        "%ndemo: done. The published warehouse is %s; try%n"
            + "  ./wds query --home %s \"SELECT indicator_code, year, sex, value, status"
            + " FROM indicator_value WHERE area_code = '652323000000' AND year = %d"
            + " AND residence = 'all' ORDER BY 1, 3\"%n"
            + "  ./wds status --home %s%n",
        home.snapshots().resolve("current.duckdb"), home.root(), year, home.root());
    return code;
  }

  /**
   * The plan's latest complete year in the published snapshot, the year the committee asks about (a
   * provisional year, still being delivered, is never it); the generator's last full year when
   * nothing is published.
   */
  private static int yearToAskAbout(WdsHome home) {
    Optional<Path> current = new Snapshots(home.snapshots()).current();
    if (current.isPresent()) {
      try (Connection snapshot = Snapshots.openReadOnly(current.get())) {
        OptionalInt complete = ReportYears.read(snapshot).latestCompleteYear();
        if (complete.isPresent()) {
          return complete.getAsInt();
        }
      } catch (SQLException e) {
        // no years recorded: the generator's last full year below
      }
    }
    return GeneratorSettings.defaults().lastYear();
  }

  private static boolean sameDeliveryThere(Path drop, GeneratorSettings settings) {
    if (!Files.isRegularFile(drop.resolve(CountyGenerator.SETTINGS_FILE))) {
      return false;
    }
    try {
      return CountyGenerator.readSettingsOf(drop).equals(settings);
    } catch (UncheckedIOException | IllegalArgumentException e) {
      return false;
    }
  }
}
