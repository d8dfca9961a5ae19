package wds.jobs.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import wds.jobs.WdsApplication;

/** The application as one-shot commands (not {@code wds schedule}) run it. */
@ExtendWith(OutputCaptureExtension.class)
class OneShotContextTest {

  @Test
  void aOneShotCommand_NeverStartsQuartz_MigratesItsVendorsSchema_AndLogsOneCountsLinePerStep(
      CapturedOutput output, @TempDir Path home) throws Exception {
    try (var context =
        new SpringApplicationBuilder(WdsApplication.class)
            .sources(TestJobs.class)
            .run(
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=jdbc:h2:mem:oneshot",
                "--spring.batch.job.enabled=false",
                "--wds.home=" + home)) {
      assertThat(context.getBean(Scheduler.class).isStarted()).isFalse();
      assertThat(context.getBeanNamesForType(NightlyLauncher.class)).isEmpty();

      Job recording = context.getBean("recording", Job.class);
      context.getBean(JobOperator.class).start(recording, new JobParameters());
    }
    assertThat(output.getOut())
        .containsPattern(
            "step=record status=COMPLETED read=0 written=0 skipped=0 seconds=\\d+\\.\\d{3}"
                + " job=recording execution=\\d+");
  }
}
