package wds.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average, as {@code /proc/loadavg} gives it: what a benchmark ran beside. */
public final class MachineLoad {

  private MachineLoad() {}

  /** "1.20 0.80 0.50" (1, 5 and 15 minutes), or "unknown" where there is no /proc. */
  public static String now() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
