package wds.jobs.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * {@code wds} as a process of its own (the test class path, this JVM's java), its output going to a
 * log file: for tests that signal or kill the process.
 */
public final class WdsProcess {

  private WdsProcess() {}

  /**
   * Starts {@code java [systemProperties] wds.jobs.WdsCli args...}, stdout and stderr into {@code
   * log}.
   *
   * @param systemProperties JVM options such as {@code -Dwds.metrics.port=0}
   */
  public static Process start(Path log, List<String> systemProperties, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.addAll(systemProperties);
    command.add("wds.jobs.WdsCli");
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /** What the process has written so far ("" before it wrote anything). */
  public static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the condition holds; false if it did not within the timeout. */
  public static boolean await(Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return condition.getAsBoolean();
  }
}
