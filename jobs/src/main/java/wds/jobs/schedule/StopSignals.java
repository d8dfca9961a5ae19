package wds.jobs.schedule;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT handling for {@code wds schedule}: the signal closes the application (which
 * stops the running job at a chunk boundary) before the JVM begins its shutdown, and the command
 * then exits with status 0. Left to the JVM, the signal would run every shutdown hook at once, and
 * the H2 database's own hook closes the job repository while Spring Batch is still writing the
 * STOPPED status into it. A signal that comes during start-up closes the application as soon as it
 * has started.
 */
final class StopSignals {

  private static final Logger log = LoggerFactory.getLogger(StopSignals.class);

  private final AtomicReference<ConfigurableApplicationContext> context = new AtomicReference<>();
  private final AtomicBoolean requested = new AtomicBoolean();

  private StopSignals() {}

  /** Takes over SIGTERM and SIGINT from the JVM's default (run the shutdown hooks, exit 143). */
  static StopSignals install() {
    StopSignals stop = new StopSignals();
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal.handle(new Signal(name), signal -> stop.request("SIG" + signal.getName()));
      } catch (IllegalArgumentException e) {
        // This JVM does not let us handle the signal (e.g. -Xrs): Spring Boot's shutdown hook
        // still closes the application, with the race described above.
        log.warn("schedule: cannot handle SIG{}: {}", name, e.getMessage());
      }
    }
    return stop;
  }

  /** The application a signal closes; closes it at once if a signal came while it started. */
  void closes(ConfigurableApplicationContext application) {
    context.set(application);
    if (requested.get()) {
      application.close();
    }
  }

  private void request(String signal) {
    log.info("schedule: {} received, stopping", signal);
    requested.set(true);
    ConfigurableApplicationContext application = context.get();
    if (application != null) {
      application.close();
    }
  }
}
