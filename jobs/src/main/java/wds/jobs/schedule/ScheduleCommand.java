package wds.jobs.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import wds.jobs.HomeOption;
import wds.jobs.WdsApplication;
import wds.jobs.WdsHome;
import wds.jobs.WdsLogging;

/**
 * {@code wds schedule}: runs the nightly job on its cron schedule until stopped. SIGTERM (or
 * Ctrl-C) stops the running job at its next chunk boundary and exits with status 0; the next fire
 * resumes it.
 */
@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the nightly job on its schedule (wds.schedule.cron, default 02:00 county time) until"
          + " stopped.",
      "SIGTERM stops a running job at a chunk boundary; the next run resumes it. Metrics on"
          + " http://<wds.metrics.address>:<wds.metrics.port>/metrics. See jobs/OPERATIONS.md."
    })
public final class ScheduleCommand implements Callable<Integer> {

  @Mixin HomeOption home;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      split = ",",
      description =
          "configuration profile(s); 'production' keeps the job repository and the Quartz store"
              + " on PostgreSQL, clustered (application-production.yml)")
  List<String> profiles = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    StopSignals stop = StopSignals.install();
    SpringApplicationBuilder application = application(home.create(), profiles);
    ConfigurableApplicationContext context = WdsLogging.keptWhile(() -> application.run());
    CountDownLatch closed = new CountDownLatch(1);
    context.addApplicationListener(
        (ApplicationListener<ContextClosedEvent>) e -> closed.countDown());
    stop.closes(context);
    if (context.isActive()) {
      // Quartz threads are not daemons, and main must not return while the scheduler runs:
      // wait here until the context closes (on SIGTERM or SIGINT, see StopSignals).
      closed.await();
    }
    return 0;
  }

  /**
   * The scheduler application for a home, with the {@code schedule} profile and the given ones;
   * tests add their own job sources and properties to it.
   */
  public static SpringApplicationBuilder application(WdsHome home, List<String> profiles) {
    List<String> active = new ArrayList<>(List.of(ScheduleConfiguration.PROFILE));
    active.addAll(profiles);
    return new SpringApplicationBuilder(WdsApplication.class)
        .profiles(active.toArray(String[]::new))
        .properties(Map.of("wds.home", home.root().toString()));
  }
}
