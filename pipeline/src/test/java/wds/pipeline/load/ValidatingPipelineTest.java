package wds.pipeline.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.pipeline.ods.OdsTable;
import wds.pipeline.read.RawRecord;
import wds.pipeline.read.RecordReader;
import wds.pipeline.validate.Outcome;
import wds.pipeline.validate.RejectReason;

class ValidatingPipelineTest {

  static final OdsTable TABLE = StagingCsvWriterTest.TABLE;

  @TempDir Path dir;
  final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void tearDown() {
    threads.shutdownNow();
  }

  @Test
  void severalValidatingThreads_quarantineInLineOrderAndCountEveryRecordOnce() throws Exception {
    int records = 20_000;
    // every 7th record is rejected; validators take random time so batches finish out of order
    RowValidatorFactory.Check[] checks = new RowValidatorFactory.Check[3];
    for (int t = 0; t < checks.length; t++) {
      Random random = new Random(t);
      checks[t] =
          record -> {
            if (random.nextInt(200) == 0) {
              Thread.onSpinWait();
              try {
                Thread.sleep(1);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            return record.line() % 7 == 0
                ? new Outcome.Rejected(RejectReason.BAD_CODE, "text", "text: bad")
                : new Outcome.Valid(
                    new Object[] {"k" + record.line(), 1L, null, null, null, null, null});
          };
    }
    QuarantineFile quarantine =
        QuarantineFile.of(
            dir.resolve("q"),
            "civil",
            "assistance",
            LocalDate.of(2025, 3, 1),
            "f.csv",
            List.of("text"),
            false);
    Path folder = Files.createDirectory(dir.resolve("staging"));
    List<Long> progress = new ArrayList<>();
    ValidatingPipeline pipeline =
        new ValidatingPipeline(
            reader(records),
            checks,
            quarantine,
            new int[] {0},
            TABLE,
            folder,
            (done, rejects) -> progress.add(done),
            5_000);
    pipeline.start(threads);
    long staged = 0;
    long keys = 0;
    ValidatingPipeline.Chunk chunk;
    while ((chunk = pipeline.next()) != null) {
      if (chunk.file() != null) {
        staged += chunk.rows();
        assertThat(Files.readAllLines(chunk.file(), StandardCharsets.UTF_8))
            .hasSize((int) chunk.rows());
      }
      keys += chunk.rejectedKeys().size();
    }
    quarantine.commit();

    long rejected = records / 7;
    assertThat(pipeline.read()).isEqualTo(records);
    assertThat(pipeline.rejects()).isEqualTo(Map.of(RejectReason.BAD_CODE, rejected));
    assertThat(staged).isEqualTo(records - rejected);
    assertThat(keys).isEqualTo(rejected);
    // reported when the records done pass another multiple of 5,000 (counted in whole batches; a
    // batch completing several waiting ones may pass two at once and reports once), last at the end
    assertThat(progress).isNotEmpty().hasSizeLessThanOrEqualTo(4).endsWith(20_000L);
    assertThat(progress.get(0)).isGreaterThanOrEqualTo(5_000L);
    for (int i = 1; i < progress.size(); i++) {
      assertThat(progress.get(i) / 5_000).isGreaterThan(progress.get(i - 1) / 5_000);
    }
    List<Long> lines;
    try (Stream<Path> files = Files.walk(dir.resolve("q"))) {
      Path q = files.filter(Files::isRegularFile).findFirst().orElseThrow();
      lines =
          Files.readAllLines(q, StandardCharsets.UTF_8).stream()
              .skip(1)
              .map(l -> Long.parseLong(l.split(",")[4]))
              .toList();
    }
    assertThat(lines).hasSize((int) rejected).isSorted();
  }

  @Test
  void aFailingValidator_failsTheStagingThread() throws Exception {
    RowValidatorFactory.Check failing =
        record -> {
          if (record.line() == 3_000) {
            throw new IllegalStateException("boom at 3000");
          }
          return new Outcome.Valid(new Object[] {"k", 1L, null, null, null, null, null});
        };
    RowValidatorFactory.Check[] checks = {failing, failing};
    ValidatingPipeline pipeline =
        new ValidatingPipeline(
            reader(1_000_000),
            checks,
            QuarantineFile.of(
                dir.resolve("q"),
                "civil",
                "assistance",
                LocalDate.of(2025, 3, 1),
                "f.csv",
                List.of("text"),
                false),
            new int[] {0},
            TABLE,
            Files.createDirectory(dir.resolve("s")),
            (d, r) -> {},
            100_000);
    pipeline.start(threads);

    assertThatThrownBy(
            () -> {
              while (pipeline.next() != null) {
                // keep taking: the failure surfaces here
              }
            })
        .isInstanceOf(ExecutionException.class)
        .hasRootCauseMessage("boom at 3000");
    pipeline.stop();
  }

  private static RecordReader reader(int records) {
    return new RecordReader() {
      long line = 1;

      @Override
      public List<String> header() {
        return List.of("text");
      }

      @Override
      public RawRecord next() {
        return line > records ? null : RawRecord.of(++line, "v" + line);
      }

      @Override
      public void close() {}
    };
  }
}
