package wds.jobs.region;

import java.util.Optional;

/**
 * Ends a county nightly started by a region's worker or manager when that process is gone: a worker
 * killed with SIGKILL cannot stop its child, and an orphaned nightly would hold the county's home
 * while another worker runs the county again. The parent names itself in {@code WDS_PARENT_PID};
 * the child checks twice a second and halts (its home lock goes with it, what it committed stays
 * and the rerun resumes from there, as after any killed nightly).
 */
public final class ParentWatch {

  /** The variable a parent sets to its process id. */
  public static final String VARIABLE = "WDS_PARENT_PID";

  private ParentWatch() {}

  /** Starts watching the parent named in {@link #VARIABLE}, if any. */
  public static void startIfAsked() {
    String pid = System.getenv(VARIABLE);
    if (pid == null || pid.isBlank()) {
      return;
    }
    Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(pid.strip()));
    Thread watch =
        new Thread(
            () -> {
              while (parent.map(ProcessHandle::isAlive).orElse(false)) {
                try {
                  Thread.sleep(500);
                } catch (InterruptedException e) {
                  return;
                }
              }
              Runtime.getRuntime().halt(137);
            },
            "wds-parent-watch");
    watch.setDaemon(true);
    watch.start();
  }
}
