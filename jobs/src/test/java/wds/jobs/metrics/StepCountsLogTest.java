package wds.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The counts line of a step also says how much CPU the process spent while the step ran. */
@ExtendWith(OutputCaptureExtension.class)
class StepCountsLogTest {

  private static final Pattern CPU = Pattern.compile("cpu_seconds=(\\d+\\.\\d{3})");

  @Test
  void aStepsLine_EndsWithTheProcessCpuSpentBetweenItsStartAndItsEnd(CapturedOutput output) {
    StepCountsLog log = new StepCountsLog();
    StepExecution step =
        new StepExecution(
            7L, "busy", new JobExecution(3L, new JobInstance(1L, "load"), new JobParameters()));
    step.setStartTime(LocalDateTime.now());
    log.beforeStep(step);
    long cpu0 = StepCountsLog.processCpuNanos();
    long spin = 0;
    while (StepCountsLog.processCpuNanos() - cpu0 < 200_000_000L) {
      spin++; // about 0.2 s of this thread's CPU
    }
    log.afterStep(step);

    assertThat(spin).isPositive();
    assertThat(output.getOut()).contains("step=busy ").contains(" job=load execution=3 ");
    Matcher m = CPU.matcher(output.getOut());
    assertThat(m.find()).isTrue();
    assertThat(Double.parseDouble(m.group(1))).isGreaterThanOrEqualTo(0.2);
  }

  @Test
  void aStepNeverSeenStarting_LogsNoCpu() {
    StepCountsLog log = new StepCountsLog();
    StepExecution step =
        new StepExecution(
            8L, "late", new JobExecution(4L, new JobInstance(2L, "load"), new JobParameters()));
    log.afterStep(step); // registered after its start: 0, not the process's whole CPU
  }
}
