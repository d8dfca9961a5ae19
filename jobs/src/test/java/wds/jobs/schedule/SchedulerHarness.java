package wds.jobs.schedule;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import wds.jobs.WdsHome;

/** Starts the scheduler application as {@code wds schedule} does, with the test jobs added. */
final class SchedulerHarness {

  private SchedulerHarness() {}

  static ConfigurableApplicationContext start(Path home, List<String> profiles, String... args) {
    List<String> all =
        new ArrayList<>(List.of("--wds.metrics.port=0", "--spring.main.banner-mode=off"));
    all.addAll(List.of(args));
    return ScheduleCommand.application(new WdsHome(home).create(), profiles)
        .sources(TestJobs.class)
        .run(all.toArray(String[]::new));
  }

  static ConfigurableApplicationContext start(Path home, String... args) {
    return start(home, List.of(), args);
  }

  /** Waits until the condition holds; false if it did not within the timeout. */
  static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
    return wds.jobs.testsupport.WdsProcess.await(timeout, condition);
  }
}
