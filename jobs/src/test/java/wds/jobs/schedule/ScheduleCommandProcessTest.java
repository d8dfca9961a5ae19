package wds.jobs.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.jobs.testsupport.WdsProcess;

/**
 * {@code wds schedule} as its own process: SIGTERM while a job runs stops the job at a chunk
 * boundary and the process exits, although Quartz's threads are not daemons.
 */
class ScheduleCommandProcessTest {

  @TempDir Path home;

  @Test
  void sigterm_StopsTheRunningJobCleanly_AndTheProcessExits() throws Exception {
    Path log = home.resolve("schedule.log");
    Process process =
        WdsProcess.start(
            log,
            List.of(
                "-Dspring.main.sources=" + TestJobs.class.getName(),
                "-Dspring.main.banner-mode=off",
                "-Dwds.schedule.job=counting",
                "-Dwds.schedule.cron=* * * * * ?",
                "-Dwds.metrics.port=0",
                "-Dtest.chunk-millis=400"),
            "schedule",
            "--verbose", // the log on the console too, where this test reads it
            "--home",
            home.toString());
    try {
      assertThat(
              SchedulerHarness.await(
                  Duration.ofSeconds(60),
                  () -> WdsProcess.read(log).contains("schedule: fire job=counting")))
          .as("the scheduler fired; log:%n%s", WdsProcess.read(log))
          .isTrue();
      Thread.sleep(1500); // a few chunks into the run

      process.destroy(); // SIGTERM

      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the process exited").isTrue();
      assertThat(process.exitValue()).as("exit status").isZero();
      String out = WdsProcess.read(log);
      assertThat(out).contains("schedule: SIGTERM received, stopping");
      assertThat(out).contains("schedule: stopping execution=");
      assertThat(out).containsPattern("step=writeNumbers status=STOPPED read=\\d+ written=\\d+");
      assertThat(out).contains("status=STOPPED exit=STOPPED");
      assertThat(out).contains("schedule: stopped cleanly");
    } finally {
      process.destroyForcibly();
    }
  }
}
