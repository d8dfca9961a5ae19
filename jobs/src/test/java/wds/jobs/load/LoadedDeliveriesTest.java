package wds.jobs.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import wds.pipeline.load.DeliveryResult;
import wds.pipeline.load.ExtractResult;
import wds.pipeline.load.LoadMode;
import wds.pipeline.validate.RejectReason;

class LoadedDeliveriesTest {

  @Test
  void results_WhenTwoStepsAddTheirs_ThenTheJobExecutionHoldsThemInOrder() {
    JobExecution job = loadJob();

    LoadedDeliveries.add(new StepExecution("loadPopulation", job), List.of(loaded("population")));
    LoadedDeliveries.add(
        new StepExecution("loadHealth", job), List.of(loaded("health"), loaded("civil")));

    assertThat(LoadedDeliveries.of(job))
        .extracting(DeliveryResult::source)
        .containsExactly("population", "health", "civil");
  }

  @Test
  void results_WhenTheJobRepositorysSerializerStoresThem_ThenTheyReadBackEqual() throws Exception {
    JobExecution job = loadJob();
    List<DeliveryResult> results = List.of(loaded("population"), loaded("health"));
    LoadedDeliveries.add(new StepExecution("loadPopulation", job), results);
    DefaultExecutionContextSerializer serializer = new DefaultExecutionContextSerializer();
    ByteArrayOutputStream stored = new ByteArrayOutputStream();

    serializer.serialize(job.getExecutionContext().toMap(), stored);
    Map<String, Object> read =
        serializer.deserialize(new ByteArrayInputStream(stored.toByteArray()));
    JobExecution reread = loadJob();
    reread.setExecutionContext(new ExecutionContext(read));

    assertThat(LoadedDeliveries.of(reread)).isEqualTo(results);
  }

  @Test
  void results_WhenTheLoadJobNeverRan_ThenThereAreNone() {
    assertThat(LoadedDeliveries.of(null)).isEmpty();
    assertThat(LoadedDeliveries.of(loadJob())).isEmpty();
  }

  private static JobExecution loadJob() {
    return new JobExecution(1L, new JobInstance(1L, "load"), new JobParameters());
  }

  private static DeliveryResult loaded(String source) {
    LocalDate night = LocalDate.of(2025, 3, 1);
    ExtractResult extract =
        new ExtractResult(
            source,
            "areas",
            night,
            "areas_20250301.csv",
            "file",
            LoadMode.FULL,
            5,
            4,
            Map.of(RejectReason.MISSING_REQUIRED, 1L),
            0,
            "ab12",
            ExtractResult.Status.LOADED,
            null,
            "cd34",
            LocalDateTime.of(2025, 3, 2, 1, 0),
            LocalDateTime.of(2025, 3, 2, 1, 1));
    return new DeliveryResult(
        source, night, DeliveryResult.Outcome.LOADED, null, List.of(extract), 1.5);
  }
}
