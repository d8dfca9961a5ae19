package wds.jobs.region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import wds.jobs.HomeLock;
import wds.jobs.OperatorException;
import wds.jobs.WdsJava;

/**
 * One county's nightly as a region runs it: {@code wds nightly --home <county home> --drop <drop>}
 * in a process of its own, exactly as the county runs it alone. A process, not a thread, because a
 * county nightly is not thread-safe in one JVM: the log follows the command's home (one logging
 * configuration per process), the console progress and the Spring context are per process, and each
 * county's DuckDB files want their own writer.
 */
public final class CountyNightly {

  private static final Logger log = LoggerFactory.getLogger(CountyNightly.class);

  /** How long a rerun waits for a county home still held by a killed worker's nightly. */
  static final Duration LOCK_WAIT = Duration.ofMinutes(2);

  /** Extra JVM options of the county's process (the benchmark sets a heap limit). */
  public static final String JAVA_OPTS = "WDS_COUNTY_JAVA_OPTS";

  private CountyNightly() {}

  /**
   * Runs the county's nightly and waits for it.
   *
   * @return its exit code: 0 done, 2 a delivery refused, 1 failed
   */
  public static int run(RegionFile.County county) throws InterruptedException {
    county.home().create();
    awaitHome(county);
    Path out = county.home().logs().resolve("region-nightly.out");
    List<String> command =
        new ArrayList<>(
            WdsJava.command(
                List.of(WdsJava.BUILD_HEAP, Objects.toString(System.getenv(JAVA_OPTS), ""))));
    command.addAll(
        List.of(
            "nightly",
            "--home",
            county.home().root().toString(),
            "--drop",
            county.drop().toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
    builder.environment().put(ParentWatch.VARIABLE, Long.toString(ProcessHandle.current().pid()));
    log.info("county {} nightly starts: {}", county.code(), String.join(" ", command));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the nightly of county " + county.code(), e);
    }
    try {
      int code = process.waitFor();
      log.info("county {} nightly ended with {}", county.code(), code);
      return code;
    } catch (InterruptedException e) {
      process.destroy();
      throw e;
    }
  }

  /** The console's last line of the county's nightly, for the region's summary. */
  public static String lastLine(RegionFile.County county) {
    try {
      Path out = county.home().logs().resolve("region-nightly.out");
      List<String> lines = Files.exists(out) ? Files.readAllLines(out) : List.of();
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (!lines.get(i).isBlank()) {
          return lines.get(i).strip();
        }
      }
      return "";
    } catch (IOException e) {
      return "";
    }
  }

  /** Waits until no other process holds the county's home (a killed worker's child ending). */
  private static void awaitHome(RegionFile.County county) throws InterruptedException {
    long end = System.nanoTime() + LOCK_WAIT.toNanos();
    while (true) {
      try (HomeLock lock = HomeLock.acquire(county.home())) {
        return;
      } catch (OperatorException e) {
        if (System.nanoTime() > end) {
          throw e;
        }
        Thread.sleep(500);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
