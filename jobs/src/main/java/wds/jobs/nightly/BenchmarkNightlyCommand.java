package wds.jobs.nightly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import wds.jobs.ChildProcess;
import wds.jobs.HomeOption;
import wds.jobs.MachineLoad;
import wds.jobs.WdsHome;
import wds.jobs.load.BenchmarkLoadCommand;
import wds.jobs.load.LoadComponents;
import wds.jobs.publish.PublishSettings;
import wds.pipeline.load.Delivery;
import wds.pipeline.load.DeliveryResult;
import wds.pipeline.load.DropFolder;
import wds.pipeline.load.LoadLanes;
import wds.pipeline.load.LoadListener;
import wds.pipeline.load.LoadSettings;
import wds.pipeline.load.WorkDatabase;
import wds.pipeline.pseudonym.Pseudonymiser;
import wds.pipeline.synthetic.CountyGenerator;
import wds.pipeline.synthetic.GenerationSummary;
import wds.pipeline.synthetic.GeneratorSettings;
import wds.schemas.SchemaCatalog;
import wds.warehouse.DuckDbLimits;
import wds.warehouse.Plan;
import wds.warehouse.WarehouseBuilder;
import wds.warehouse.feed.PublicFeedWriter;
import wds.warehouse.lake.LakeWriter;
import wds.warehouse.model.ModelTests;
import wds.warehouse.publish.GateFailure;
import wds.warehouse.publish.ModelTestGate;
import wds.warehouse.publish.PublishResult;
import wds.warehouse.publish.QualityGate;
import wds.warehouse.publish.QualityGates;
import wds.warehouse.publish.SnapshotPublisher;
import wds.warehouse.publish.Snapshots;

/**
 * {@code wds benchmark-nightly}: generates a county delivery under {@code
 * <home>/benchmark-nightly/}, runs a whole {@code wds nightly} on it as a child process (wall, CPU,
 * peak resident memory, and the job's own step times from its job repository), then the same
 * nightly step by step in this process (load, each model layer, the indicator engine, warnings,
 * gates, snapshot, lake, feed) with wall and CPU per step, and DuckDB's bare {@code read_csv} of
 * the same UTF-8 files as the yardstick, in the same run; then the next night's delta delivery
 * ({@code wds generate --delta-from}) as a second whole {@code wds nightly} on the home of the
 * first, which is how a county's nights follow each other. Prints one table; {@code --runs N} gives
 * medians.
 */
@Command(
    name = "benchmark-nightly",
    mixinStandardHelpOptions = true,
    description = {
      "Measure a whole nightly, step by step, on a generated county.",
      "Runs `wds nightly` as a child process and each of its steps in this process, with wall"
          + " time, CPU time and peak resident memory, beside DuckDB's bare read_csv of the same"
          + " files; then the next night's delta delivery as a second `wds nightly` on the same"
          + " home."
    })
public final class BenchmarkNightlyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HomeOption homeOption;

  @Option(
      names = "--persons",
      paramLabel = "N",
      defaultValue = "210000",
      description = "registry size of the generated county (default ${DEFAULT-VALUE})")
  int persons;

  @Option(
      names = "--runs",
      paramLabel = "R",
      defaultValue = "1",
      description =
          "whole nightlies, step-by-step nightlies and read_csv runs each; the table shows medians"
              + " (default ${DEFAULT-VALUE})")
  int runs;

  @Override
  public Integer call() throws Exception {
    if (runs < 1) {
      throw new ParameterException(spec.commandLine(), "--runs must be at least 1");
    }
    if (persons < 1) {
      throw new ParameterException(spec.commandLine(), "--persons must be at least 1");
    }
    WdsHome home = homeOption.create();
    Path bench = home.root().resolve("benchmark-nightly");
    deleteTree(bench);
    Path drop = bench.resolve("drop");
    long g0 = System.nanoTime();
    GenerationSummary generated =
        CountyGenerator.generate(GeneratorSettings.defaults().withPersons(persons), drop);
    System.out.printf(
        Locale.ROOT,
        "generated %,d persons: %d files, %,d rows in %.1f s%n",
        persons,
        generated.files().size(),
        generated.rows(),
        (System.nanoTime() - g0) / 1e9);
    String loadBefore = MachineLoad.now();
    System.out.println("load average before: " + loadBefore + "; cores " + cores());

    // the next night's delta, loaded and published on the home of each whole nightly
    Path deltaDrop = bench.resolve("delta");
    GenerationSummary delta = CountyGenerator.generateDelta(drop, deltaDrop, null, null);
    List<ChildNightly.Result> wholes = new ArrayList<>();
    List<ChildNightly.Result> deltas = new ArrayList<>();
    List<List<StepClock.Step>> stepRuns = new ArrayList<>();
    List<StepClock.Step> yardsticks = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      Path wholeHome = bench.resolve("whole-" + run);
      ChildNightly.Result whole = ChildNightly.run(wholeHome, drop);
      System.out.printf(Locale.ROOT, "whole nightly %d: %s%n", run, whole);
      wholes.add(whole);
      ChildNightly.Result night = ChildNightly.run(wholeHome, deltaDrop);
      System.out.printf(Locale.ROOT, "delta night %d: %s%n", run, night);
      deltas.add(night);
      deleteTree(wholeHome);
      List<StepClock.Step> steps = stepByStep(new WdsHome(bench.resolve("steps-" + run)), drop);
      stepRuns.add(steps);
      deleteTree(bench.resolve("steps-" + run));
      yardsticks.add(Yardstick.readCsv(bench.resolve("read_csv.duckdb"), drop, generated));
    }
    String loadAfter = MachineLoad.now();
    print(wholes, stepRuns, yardsticks, loadBefore, loadAfter);
    printWhole(
        String.format(
            Locale.ROOT,
            "the next night's delta (%,d rows in %d files), `wds nightly` again on the same home",
            delta.rows(),
            delta.files().size()),
        deltas);
    return 0;
  }

  /** The nightly's steps one after the other in this process, each timed. */
  private static List<StepClock.Step> stepByStep(WdsHome home, Path drop) throws Exception {
    home.create();
    SchemaCatalog catalog = SchemaCatalog.load();
    PublishSettings settings = new PublishSettings(Plan.STANDARD, 7, "0-14,15-34,35-59,60+");
    Plan plan = settings.readPlan();
    System.gc();
    StepClock clock = new StepClock();
    // as the load job loads (LoadLanes): population alone, then the other sources on the lanes
    try (WorkDatabase db = WorkDatabase.open(home.workDatabase(), catalog);
        LoadLanes loaders =
            LoadLanes.open(
                db,
                LoadLanes.DEFAULT,
                catalog,
                new LoadSettings(
                    LoadComponents.indicatorCodes(plan),
                    Pseudonymiser.fromKey(new byte[32]),
                    home.quarantine()),
                new LoadListener() {})) {
      List<Delivery> deliveries = new DropFolder(drop).deliveries(catalog.sources());
      for (DeliveryResult r : loaders.loadAll(catalog.sources(), deliveries)) {
        BenchmarkLoadCommand.requireLoaded(r);
      }
    }
    clock.mark("load (6 sources, checkpoint)");

    WarehouseBuilder builder = new WarehouseBuilder(plan);
    List<QualityGate> gates = new ArrayList<>(QualityGates.standard());
    ModelTests modelTests = new ModelTests();
    gates.add(new ModelTestGate(modelTests::failures));
    SnapshotPublisher publisher =
        new SnapshotPublisher(
            home.snapshots(),
            List.of(new TimedGates(gates, clock)),
            settings.keep(),
            Clock.systemDefaultZone());
    LocalDate asOf = LocalDate.now();
    try (WorkDatabase work = WorkDatabase.open(home.workDatabase(), catalog)) {
      DuckDbLimits.DEFAULT.apply(work.connection());
      clock.mark("open the work database");
      PublishResult result =
          publisher.publish(
              work.connection(), (c, target) -> builder.build(c, target, asOf, clock::mark));
      if (!result.published()) {
        throw new IllegalStateException("benchmark: " + result.describeFailures());
      }
    }
    clock.mark("snapshot: checkpoint, detach, swap");
    Path current = new Snapshots(home.snapshots()).requireCurrent().toRealPath();
    new LakeWriter(home.lake(), DuckDbLimits.DEFAULT).write(current);
    clock.mark("lake");
    new PublicFeedWriter(home.publicFeed(), settings.feedAgeBands()).write(current);
    clock.mark("public feed");
    return clock.steps();
  }

  /** The gates of the nightly as one gate that marks the clock before and after them. */
  private record TimedGates(List<QualityGate> gates, StepClock clock) implements QualityGate {

    @Override
    public String name() {
      return "timed gates";
    }

    @Override
    public List<GateFailure> check(Connection connection, String catalog) throws SQLException {
      clock.mark("snapshot: load audit copied in");
      List<GateFailure> failures = new ArrayList<>();
      for (QualityGate gate : gates) {
        failures.addAll(gate.check(connection, catalog));
      }
      clock.mark("gates and model tests");
      return failures;
    }
  }

  private static void print(
      List<ChildNightly.Result> wholes,
      List<List<StepClock.Step>> stepRuns,
      List<StepClock.Step> yardsticks,
      String loadBefore,
      String loadAfter) {
    String median = runsNote(wholes.size());
    printWhole("whole process, `wds nightly` in a child JVM", wholes);

    System.out.printf(Locale.ROOT, "%nstep by step, in this JVM%s:%n", median);
    System.out.printf(
        Locale.ROOT, "  %-40s %8s %8s %9s %8s%n", "step", "wall s", "CPU s", "CPU/wall", "CPU %");
    List<String> names = stepRuns.get(0).stream().map(StepClock.Step::name).toList();
    double totalCpu = 0;
    double totalWall = 0;
    Map<String, double[]> medians = new LinkedHashMap<>();
    for (String name : names) {
      double wall = median(stepRuns.stream().mapToDouble(r -> find(r, name).wallSeconds()));
      double cpu = median(stepRuns.stream().mapToDouble(r -> find(r, name).cpuSeconds()));
      medians.put(name, new double[] {wall, cpu});
      totalWall += wall;
      totalCpu += cpu;
    }
    for (var e : medians.entrySet()) {
      double wall = e.getValue()[0];
      double cpu = e.getValue()[1];
      System.out.printf(
          Locale.ROOT,
          "  %-40s %8.2f %8.2f %9.2f %7.1f%%%n",
          e.getKey(),
          wall,
          cpu,
          wall > 0 ? cpu / wall : 0,
          totalCpu > 0 ? 100 * cpu / totalCpu : 0);
    }
    System.out.printf(
        Locale.ROOT, "  %-40s %8.2f %8.2f%n", "all steps (no process start)", totalWall, totalCpu);
    double yardWall = median(yardsticks.stream().mapToDouble(StepClock.Step::wallSeconds));
    double yardCpu = median(yardsticks.stream().mapToDouble(StepClock.Step::cpuSeconds));
    System.out.printf(
        Locale.ROOT,
        "%nyardstick: DuckDB's bare read_csv of the delivery's UTF-8 CSV files%s: wall %.2f s,"
            + " CPU %.2f s%n"
            + "whole nightly / read_csv: %.1f× wall, %.1f× CPU%n"
            + "load average (1, 5, 15 min): before %s, after %s; wall times on a loaded machine are"
            + " noise, compare CPU%n",
        median,
        yardWall,
        yardCpu,
        median(wholes.stream().mapToDouble(ChildNightly.Result::wallSeconds)) / yardWall,
        median(wholes.stream().mapToDouble(ChildNightly.Result::cpuSeconds)) / yardCpu,
        loadBefore,
        loadAfter);
  }

  /** Whole child nightlies: wall, CPU and peak memory, and their job's steps (medians). */
  private static void printWhole(String title, List<ChildNightly.Result> wholes) {
    System.out.printf(
        Locale.ROOT,
        "%n%s%s:%n" + "  wall %.2f s, CPU %.2f s (user + system), peak resident memory %,.0f MB%n",
        title,
        runsNote(wholes.size()),
        median(wholes.stream().mapToDouble(ChildNightly.Result::wallSeconds)),
        median(wholes.stream().mapToDouble(ChildNightly.Result::cpuSeconds)),
        median(wholes.stream().mapToDouble(ChildNightly.Result::peakRssMb)));
    System.out.println("  its job's steps (Spring Batch step executions):");
    Map<String, List<Double>> jobSteps = new LinkedHashMap<>();
    for (ChildNightly.Result whole : wholes) {
      whole
          .stepSeconds()
          .forEach((k, v) -> jobSteps.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    }
    jobSteps.forEach(
        (name, secs) ->
            System.out.printf(
                Locale.ROOT,
                "    %-40s %7.2f s%n",
                name,
                median(secs.stream().mapToDouble(Double::doubleValue))));
    System.out.printf(
        Locale.ROOT,
        "    %-40s %7.2f s%n",
        "start and stop of the process (the rest)",
        median(wholes.stream().mapToDouble(ChildNightly.Result::outsideJobSeconds)));
  }

  private static StepClock.Step find(List<StepClock.Step> steps, String name) {
    return steps.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElse(new StepClock.Step(name, 0, 0));
  }

  private static String runsNote(int runs) {
    return runs > 1 ? " (median of " + runs + ")" : "";
  }

  static double median(java.util.stream.DoubleStream values) {
    double[] sorted = values.sorted().toArray();
    int n = sorted.length;
    if (n == 0) {
      return 0;
    }
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** A secret for the child's pseudonymisation: benchmarks need no real one. */
  static String benchmarkSecret() {
    return ChildProcess.THROWAWAY_SECRET;
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
