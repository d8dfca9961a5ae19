package wds.jobs.nightly;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * A stopwatch of consecutive steps: each {@link #mark} ends a step begun by the previous mark (or
 * by the clock's creation) and records its wall time and this process's CPU time (every thread,
 * DuckDB's included).
 */
final class StepClock {

  /** One step's figures. */
  record Step(String name, double wallSeconds, double cpuSeconds) {}

  private final List<Step> steps = new ArrayList<>();
  private long wall = System.nanoTime();
  private long cpu = cpuNanos();

  /** Ends the running step, naming it, and begins the next. */
  synchronized void mark(String name) {
    long w = System.nanoTime();
    long c = cpuNanos();
    steps.add(new Step(name, (w - wall) / 1e9, (c - cpu) / 1e9));
    wall = w;
    cpu = c;
  }

  synchronized List<Step> steps() {
    return List.copyOf(steps);
  }

  /** CPU time of this process, all threads. */
  static long cpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }
}
