package wds.jobs.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
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
import wds.jobs.ReadCsvCeiling;
import wds.jobs.WdsHome;
import wds.jobs.WdsJava;
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

/**
 * {@code wds benchmark-load}: generates a county delivery under {@code <home>/benchmark/}, loads it
 * into a fresh work database through the real path (read, validate, pseudonymise, hash, stage,
 * upsert, audit) and, side by side, lets DuckDB's own {@code read_csv} load the same CSV files into
 * plain tables: the ceiling. Prints rows/s of both, their ratio and the heap's peak.
 */
@Command(
    name = "benchmark-load",
    mixinStandardHelpOptions = true,
    description = "Measure the loader against DuckDB's read_csv on a generated county delivery.")
public final class BenchmarkLoadCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HomeOption homeOption;

  @Option(
      names = "--persons",
      paramLabel = "N",
      defaultValue = "210000",
      description = "registry size of the generated county (default ${DEFAULT-VALUE})")
  int persons;

  @Option(
      names = "--lanes",
      paramLabel = "N",
      defaultValue = "" + LoadLanes.DEFAULT,
      description =
          "sources loaded at once after population, as the load job's wds.load.lanes"
              + " (default ${DEFAULT-VALUE})")
  int lanes;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "loads of the same delivery, each into a new database, and as many ceiling runs: the"
              + " first load is cold (as a nightly run is), the later ones show the warm speed;"
              + " medians damp a busy machine (default ${DEFAULT-VALUE})")
  int runs;

  @Override
  public Integer call() throws Exception {
    if (runs < 1) {
      throw new ParameterException(spec.commandLine(), "--runs must be at least 1");
    }
    if (lanes < 1) {
      throw new ParameterException(spec.commandLine(), "--lanes must be at least 1");
    }
    WdsHome home = homeOption.create();
    Path bench = home.root().resolve("benchmark");
    deleteTree(bench);
    Path drop = bench.resolve("drop");
    GeneratorSettings settings = GeneratorSettings.defaults().withPersons(persons);
    long g0 = System.nanoTime();
    GenerationSummary generated = CountyGenerator.generate(settings, drop);
    System.out.printf(
        Locale.ROOT,
        "generated %,d persons: %d files, %,d rows, %,.1f MB in %.1f s%n",
        persons,
        generated.files().size(),
        generated.rows(),
        bytes(drop) / 1e6,
        (System.nanoTime() - g0) / 1e9);

    SchemaCatalog catalog = SchemaCatalog.load();
    List<LoadRun> loads = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      loads.add(loadOnce(catalog, drop, bench.resolve("run-" + run), run == 1));
    }

    // the ceiling: DuckDB's own multi-threaded CSV reader into plain tables, no checks at all
    List<Path> csv = ReadCsvCeiling.utf8CsvFiles(generated, drop);
    long csvRows = ReadCsvCeiling.utf8CsvRows(generated);
    List<Ceiling> defaults = new ArrayList<>();
    List<Ceiling> unordered = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      defaults.add(ceiling(bench.resolve("ceiling-" + run + ".duckdb"), csv, false));
      unordered.add(ceiling(bench.resolve("unordered-" + run + ".duckdb"), csv, true));
    }

    // the same two as whole processes, from start to exit, as an operator meets them
    List<ChildProcess.Measured> wholeLoads = new ArrayList<>();
    List<ChildProcess.Measured> wholeCeilings = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      wholeLoads.add(wholeLoad(bench.resolve("whole-" + run), drop));
      wholeCeilings.add(wholeCeiling(bench.resolve("whole-read_csv-" + run), csv));
    }

    LoadRun cold = loads.get(0);
    double ceilingSeconds = median(unordered.stream().mapToDouble(Ceiling::seconds));
    double ceilingRate = csvRows / ceilingSeconds;
    double defaultsRate = csvRows / median(defaults.stream().mapToDouble(Ceiling::seconds));
    System.out.printf(
        Locale.ROOT,
        "%nloader   : %,d rows in %.2f s = %,.0f rows/s (validated, pseudonymised, hashed,"
            + " upserted, audited; the first load in this JVM, as a nightly run is; %d lane%s)%n",
        cold.rows(),
        cold.seconds(),
        cold.rate(),
        lanes,
        lanes == 1 ? "" : "s");
    if (lanes == 1) {
      System.out.printf(
          Locale.ROOT,
          "  of which %.2f s reading, validating and staging, %.2f s merging (upsert,"
              + " full-mode deletes), auditing and committing, %.2f s closing the database"
              + " (checkpoint)%n",
          cold.stagingSeconds(),
          cold.seconds() - cold.stagingSeconds() - cold.closeSeconds(),
          cold.closeSeconds());
    } else {
      // the lanes stage side by side: their staging times add up to more than the wall time
      System.out.printf(
          Locale.ROOT,
          "  reading, validating and staging took %.2f s summed over the lanes, which overlap;"
              + " %.2f s closing the database (checkpoint)%n",
          cold.stagingSeconds(),
          cold.closeSeconds());
    }
    if (runs > 1) {
      double warm = median(loads.stream().skip(1).mapToDouble(LoadRun::seconds));
      System.out.printf(
          Locale.ROOT,
          "  warm     : median of the %d later loads %.2f s = %,.0f rows/s (CPU median %.2f s),"
              + " %.2f of the ceiling%n",
          runs - 1,
          warm,
          cold.rows() / warm,
          median(loads.stream().skip(1).mapToDouble(LoadRun::cpuSeconds)),
          (cold.rows() / warm) / ceilingRate);
    }
    System.out.printf(
        Locale.ROOT,
        "read_csv : %,d rows in %.2f s = %,.0f rows/s (DuckDB alone on the UTF-8 CSV files,"
            + " with the loader's setting preserve_insertion_order = false: the ceiling%s)%n"
            + "           %,.0f rows/s with DuckDB's defaults%n"
            + "ratio    : %.2f of the ceiling (%.2f of read_csv with defaults)%n"
            + "cpu      : loader %.2f s, read_csv %.2f s (defaults %.2f s) (process CPU time; other"
            + " work on the machine inflates wall time more than these)%n"
            + "heap     : peak %,.0f MB (max %,.0f MB); cores %d%n",
        csvRows,
        ceilingSeconds,
        ceilingRate,
        runs > 1 ? "; median of " + runs : "",
        defaultsRate,
        cold.rate() / ceilingRate,
        cold.rate() / defaultsRate,
        cold.cpuSeconds(),
        median(unordered.stream().mapToDouble(Ceiling::cpuSeconds)),
        median(defaults.stream().mapToDouble(Ceiling::cpuSeconds)),
        loads.stream().mapToLong(LoadRun::heapPeak).max().orElse(0) / 1e6,
        Runtime.getRuntime().maxMemory() / 1e6,
        Runtime.getRuntime().availableProcessors());
    // every whole process is cold: with --runs N, the medians of N
    ChildProcess.Measured loadWhole = ChildProcess.Measured.median(wholeLoads);
    ChildProcess.Measured ceilingWhole = ChildProcess.Measured.median(wholeCeilings);
    System.out.printf(
        Locale.ROOT,
        "%nwhole processes, start to exit (a new JVM each; the load as `wds load` into a new home%s):%n"
            + "  wds load : %s = %,.0f rows/s%n"
            + "  read_csv : %s = %,.0f rows/s (a JVM with the same DuckDB JDBC jar, nothing else)%n"
            + "  ratio    : %.2f of the ceiling, whole process%n",
        runs > 1 ? "; medians of " + runs : "",
        loadWhole,
        cold.rows() / loadWhole.wallSeconds(),
        ceilingWhole,
        csvRows / ceilingWhole.wallSeconds(),
        (cold.rows() / loadWhole.wallSeconds()) / (csvRows / ceilingWhole.wallSeconds()));
    return 0;
  }

  /** One load of the delivery into a new work database: its figures. */
  private record LoadRun(
      long rows,
      double seconds,
      double cpuSeconds,
      double stagingSeconds,
      double closeSeconds,
      long heapPeak) {

    double rate() {
      return rows / seconds;
    }
  }

  private LoadRun loadOnce(SchemaCatalog catalog, Path drop, Path folder, boolean verbose)
      throws Exception {
    resetHeapPeaks();
    System.gc();
    long t0 = System.nanoTime();
    long cpu0 = cpuNanos();
    long rows = 0;
    long loaded;
    // how long reading, validating and staging took per file (the rest is merging and auditing)
    java.util.Map<String, Double> staging = new java.util.concurrent.ConcurrentHashMap<>();
    LoadListener stagingTimes =
        new LoadListener() {
          @Override
          public void progress(wds.pipeline.load.ExtractProgress p) {
            staging.put(p.origin(), p.seconds());
          }

          @Override
          public void extractStaged(wds.pipeline.load.StageTimings t) {
            if (!verbose) {
              return;
            }
            System.out.printf(
                Locale.ROOT,
                "  staged %-34s %,10d rows %6.2f s: reading %5.2f s, duckdb %5.2f s, dups %5.2f s%n",
                t.origin(),
                t.rows(),
                t.seconds(),
                t.readingSeconds(),
                t.duckdbSeconds(),
                t.duplicatesSeconds());
          }
        };
    // the load job's way (LoadLanes): population alone, then the other sources on the lanes
    try (WorkDatabase db = WorkDatabase.open(folder.resolve("work.duckdb"), catalog);
        LoadLanes loaders =
            LoadLanes.open(
                db,
                lanes,
                catalog,
                new LoadSettings(
                    LoadComponents.indicatorCodes(wds.warehouse.Plan.standard()),
                    Pseudonymiser.fromKey(new byte[32]),
                    folder.resolve("quarantine")),
                stagingTimes)) {
      List<Delivery> deliveries = new DropFolder(drop).deliveries(catalog.sources());
      for (DeliveryResult r : loaders.loadAll(catalog.sources(), deliveries)) {
        requireLoaded(r);
        rows += r.rowsRead();
        if (verbose) {
          for (var e : r.extracts()) {
            System.out.printf(
                Locale.ROOT, "  %-28s %,10d rows%n", e.source() + "/" + e.extract(), e.rowsRead());
          }
        }
      }
      loaded = System.nanoTime();
    }
    LoadRun run =
        new LoadRun(
            rows,
            (System.nanoTime() - t0) / 1e9,
            (cpuNanos() - cpu0) / 1e9,
            staging.values().stream().mapToDouble(Double::doubleValue).sum(),
            (System.nanoTime() - loaded) / 1e9,
            heapPeak());
    System.out.printf(
        Locale.ROOT,
        "load %s: %.2f s, CPU %.2f s%n",
        folder.getFileName(),
        run.seconds(),
        run.cpuSeconds());
    deleteTree(folder);
    return run;
  }

  /**
   * Stops a benchmark whose generated delivery was not loaded (refused, or loaded before): its
   * figures would measure something else.
   */
  public static void requireLoaded(DeliveryResult r) {
    if (r.outcome() != DeliveryResult.Outcome.LOADED) {
      throw new IllegalStateException(
          "benchmark: "
              + r.source()
              + " "
              + r.deliveryDate()
              + " was "
              + r.outcome()
              + ": "
              + r.message());
    }
  }

  private static double median(java.util.stream.DoubleStream values) {
    double[] sorted = values.sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private record Ceiling(double seconds, double cpuSeconds) {}

  /**
   * DuckDB's own multi-threaded CSV reader into plain tables of a new database, no checks at all:
   * the ceiling. {@code unordered} gives it the loader's {@code preserve_insertion_order = false}.
   */
  private static Ceiling ceiling(Path database, List<Path> csv, boolean unordered)
      throws SQLException, IOException {
    long c0 = System.nanoTime();
    long cpu0 = cpuNanos();
    ReadCsvCeiling.load(database, csv, unordered);
    Ceiling measured = new Ceiling((System.nanoTime() - c0) / 1e9, (cpuNanos() - cpu0) / 1e9);
    ReadCsvCeiling.delete(database);
    return measured;
  }

  /**
   * {@code wds load} of the delivery into a new home as a child process, start to exit, on as many
   * lanes as the in-process load.
   */
  private ChildProcess.Measured wholeLoad(Path home, Path drop)
      throws IOException, InterruptedException {
    ChildProcess.Measured measured =
        ChildProcess.wds("load", home, drop, Map.of("WDS_LOAD_LANES", Integer.toString(lanes)));
    deleteTree(home);
    return measured;
  }

  /** DuckDB's read_csv of the same files in a JVM of its own, from start to exit. */
  private static ChildProcess.Measured wholeCeiling(Path folder, List<Path> csv)
      throws IOException, InterruptedException {
    Files.createDirectories(folder);
    List<String> command = new ArrayList<>(WdsJava.mainClass(List.of(), ReadCsvCeiling.class));
    command.add(folder.resolve("read_csv.duckdb").toString());
    csv.forEach(f -> command.add(f.toString()));
    ChildProcess.Measured measured =
        ChildProcess.run(
            "read_csv", command, Map.of(), folder.resolveSibling(folder.getFileName() + ".log"));
    deleteTree(folder);
    return measured;
  }

  /** CPU time of this process (all threads, DuckDB's included). */
  private static long cpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  private static void resetHeapPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long heapPeak() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed())
        .sum();
  }

  private static long bytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
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
