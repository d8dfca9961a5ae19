package wds.jobs.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import wds.jobs.HomeOption;
import wds.jobs.WdsHome;
import wds.pipeline.load.Delivery;
import wds.pipeline.load.DeliveryLoader;
import wds.pipeline.load.DeliveryResult;
import wds.pipeline.load.DropFolder;
import wds.pipeline.load.LoadListener;
import wds.pipeline.load.LoadSettings;
import wds.pipeline.load.WorkDatabase;
import wds.pipeline.pseudonym.Pseudonymiser;
import wds.pipeline.synthetic.CountyGenerator;
import wds.pipeline.synthetic.DeliveredFile;
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

  @Mixin HomeOption homeOption;

  @Option(
      names = "--persons",
      paramLabel = "N",
      defaultValue = "210000",
      description = "registry size of the generated county (default ${DEFAULT-VALUE})")
  int persons;

  @Override
  public Integer call() throws Exception {
    WdsHome home = homeOption.home().create();
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
    try (WorkDatabase db = WorkDatabase.open(bench.resolve("work.duckdb"), catalog);
        DeliveryLoader loader =
            new DeliveryLoader(
                db.connection(),
                catalog,
                LoadComponents.validators(),
                LoadComponents.readers(),
                new LoadSettings(
                    LoadComponents.readIndicatorCodes(),
                    Pseudonymiser.fromKey(new byte[32]),
                    bench.resolve("quarantine")),
                stagingTimes)) {
      for (Delivery d : new DropFolder(drop).deliveries(catalog.sources())) {
        DeliveryResult r = loader.load(d);
        if (r.outcome() != DeliveryResult.Outcome.LOADED) {
          System.err.println(
              "benchmark: " + d.label() + " was " + r.outcome() + ": " + r.message());
          return 1;
        }
        rows += r.rowsRead();
        for (var e : r.extracts()) {
          System.out.printf(
              Locale.ROOT, "  %-28s %,10d rows%n", e.source() + "/" + e.extract(), e.rowsRead());
        }
      }
      loaded = System.nanoTime();
    }
    double loadSeconds = (System.nanoTime() - t0) / 1e9;
    double loadCpu = (cpuNanos() - cpu0) / 1e9;
    double closeSeconds = (System.nanoTime() - loaded) / 1e9;
    double stagingSeconds = staging.values().stream().mapToDouble(Double::doubleValue).sum();
    long heapPeak = heapPeak();

    // the ceiling: DuckDB's own multi-threaded CSV reader into plain tables, no checks at all
    List<DeliveredFile> csv =
        generated.files().stream()
            .filter(f -> f.name().endsWith(".csv") && f.encoding().equalsIgnoreCase("UTF-8"))
            .toList();
    long csvRows = csv.stream().mapToLong(DeliveredFile::rows).sum();
    long c0 = System.nanoTime();
    long ccpu0 = cpuNanos();
    try (Connection duck =
            DriverManager.getConnection("jdbc:duckdb:" + bench.resolve("ceiling.duckdb"));
        Statement st = duck.createStatement()) {
      int i = 0;
      for (DeliveredFile f : csv) {
        try (PreparedStatement ps =
            duck.prepareStatement("CREATE TABLE t" + i++ + " AS SELECT * FROM read_csv(?)")) {
          ps.setString(1, drop.resolve(f.source()).resolve(f.name()).toString());
          ps.execute();
        }
      }
    }
    double ceilingSeconds = (System.nanoTime() - c0) / 1e9;
    double ceilingCpu = (cpuNanos() - ccpu0) / 1e9;
    double loaderRate = rows / loadSeconds;
    double ceilingRate = csvRows / ceilingSeconds;
    System.out.printf(
        Locale.ROOT,
        "%nloader   : %,d rows in %.2f s = %,.0f rows/s (validated, pseudonymised, hashed,"
            + " upserted, audited)%n"
            + "  of which %.2f s reading, validating and staging, %.2f s merging (upsert,"
            + " full-mode deletes), auditing and committing, %.2f s closing the database"
            + " (checkpoint)%n"
            + "read_csv : %,d rows in %.2f s = %,.0f rows/s (DuckDB alone; the UTF-8 CSV files)%n"
            + "ratio    : %.2f of the ceiling%n"
            + "cpu      : loader %.2f s, read_csv %.2f s (process CPU time; other work on the"
            + " machine inflates wall time, not these)%n"
            + "heap     : peak %,.0f MB (max %,.0f MB); cores %d%n",
        rows,
        loadSeconds,
        loaderRate,
        stagingSeconds,
        loadSeconds - stagingSeconds - closeSeconds,
        closeSeconds,
        csvRows,
        ceilingSeconds,
        ceilingRate,
        loaderRate / ceilingRate,
        loadCpu,
        ceilingCpu,
        heapPeak / 1e6,
        Runtime.getRuntime().maxMemory() / 1e6,
        Runtime.getRuntime().availableProcessors());
    return 0;
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
