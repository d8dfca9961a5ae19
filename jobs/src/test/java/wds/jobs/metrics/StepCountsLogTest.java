package wds.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/**
 * The counts line of a step also says how much CPU the process spent while the step ran. The lines
 * are read from the listener's own logger, not from the console: other tests in the same JVM send
 * the console elsewhere (a home's log file).
 */
class StepCountsLogTest {

  private static final Pattern CPU = Pattern.compile("cpu_seconds=(\\d+\\.\\d{3})$");

  private final Logger logger = (Logger) LoggerFactory.getLogger(StepCountsLog.class);
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private Level level;

  @BeforeEach
  void listen() {
    level = logger.getLevel();
    logger.setLevel(Level.INFO);
    lines.start();
    logger.addAppender(lines);
  }

  @AfterEach
  void stopListening() {
    logger.detachAppender(lines);
    logger.setLevel(level);
  }

  @Test
  void aStepsLine_EndsWithTheProcessCpuSpentBetweenItsStartAndItsEnd() {
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
    String line = onlyLine();
    assertThat(line).startsWith("step=busy ").contains(" job=load execution=3 ");
    Matcher m = CPU.matcher(line);
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

    String line = onlyLine();
    assertThat(line).startsWith("step=late ");
    Matcher m = CPU.matcher(line);
    assertThat(m.find()).isTrue();
    assertThat(m.group(1)).isEqualTo("0.000");
  }

  private String onlyLine() {
    assertThat(lines.list).hasSize(1);
    return lines.list.get(0).getFormattedMessage();
  }
}
