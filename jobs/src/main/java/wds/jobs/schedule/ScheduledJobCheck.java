package wds.jobs.schedule;

import org.springframework.context.SmartLifecycle;

/**
 * Refuses to start a scheduler whose {@code wds.schedule.job} names no registered job, so a typo
 * shows at start-up instead of at two in the morning. It runs as a lifecycle step before the Quartz
 * scheduler's (which starts last), when the job registry has been filled.
 */
class ScheduledJobCheck implements SmartLifecycle {

  private final NightlyLauncher launcher;
  private volatile boolean running;

  ScheduledJobCheck(NightlyLauncher launcher) {
    this.launcher = launcher;
  }

  @Override
  public void start() {
    launcher.job();
    running = true;
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return 0;
  }
}
