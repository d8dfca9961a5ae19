package wds.pipeline.validate;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import wds.pipeline.person.IdentityNumber;
import wds.pipeline.read.RawRecord;
import wds.pipeline.read.RecordReader;
import wds.pipeline.read.RecordReaders;
import wds.schemas.ExtractSchema;

/**
 * A micro-benchmark, not a test: prints rows per second for validating generated {@code
 * health/pregnancies} rows on one thread, and for reading them from a CSV file. Run from the
 * pipeline module with its test class path: {@code java -cp ...
 * wds.pipeline.validate.ValidatorBenchmark [rows]}.
 */
public final class ValidatorBenchmark {

  private ValidatorBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    ExtractSchema schema = Rows.schema("health/pregnancies");
    List<String> header = Rows.header(Rows.valid(schema));
    RowValidator validator = new RowValidator(schema, header, Rows.CONTEXT);
    RawRecord[] records = generate(schema, rows, new Random(42));

    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int round = 1; round <= 5; round++) {
      long start = System.nanoTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      int valid = 0;
      for (RawRecord r : records) {
        if (validator.validate(r) instanceof Outcome.Valid) {
          valid++;
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      // CPU time tells the validator's own cost on a machine shared with other work
      System.out.printf(
          "validate round %d: %,d rows (%,d valid) in %.2f s wall = %,.0f rows/s; %.2f s CPU = %,.0f rows/s per core%n",
          round, rows, valid, seconds, rows / seconds, cpu, rows / cpu);
    }

    // the same work on 10,000 rows validated 100 times: the rows stay in the CPU caches, as they do
    // when each row is validated right after the reader made it
    RawRecord[] hot = java.util.Arrays.copyOf(records, Math.min(10_000, rows));
    for (int round = 1; round <= 3; round++) {
      long cpuStart = threads.getCurrentThreadCpuTime();
      long done = 0;
      for (int pass = 0; pass < 100; pass++) {
        for (RawRecord r : hot) {
          if (validator.validate(r) instanceof Outcome.Valid) {
            done++;
          }
        }
      }
      double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      System.out.printf(
          "validate in cache round %d: %,d rows in %.2f s CPU = %,.0f rows/s per core%n",
          round, hot.length * 100L, cpu, hot.length * 100L / cpu);
    }

    Path csv = Files.createTempFile("pregnancies", ".csv");
    try {
      try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
        out.write(String.join(",", header));
        out.write('\n');
        for (RawRecord r : records) {
          out.write(String.join(",", r.values()));
          out.write('\n');
        }
      }
      for (int round = 1; round <= 3; round++) {
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long read = 0;
        long valid = 0;
        try (RecordReader reader = RecordReaders.open(csv, StandardCharsets.UTF_8)) {
          for (RawRecord r = reader.next(); r != null; r = reader.next()) {
            read++;
            if (validator.validate(r) instanceof Outcome.Valid) {
              valid++;
            }
          }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf(
            "read CSV + validate round %d: %,d rows (%,d valid) in %.2f s wall = %,.0f rows/s; %,.0f rows/s per core (%,d MB file)%n",
            round, read, valid, seconds, read / seconds, read / cpu, Files.size(csv) >> 20);
      }
      long start = System.nanoTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      long read = 0;
      try (RecordReader reader = RecordReaders.open(csv, StandardCharsets.UTF_8)) {
        while (reader.next() != null) {
          read++;
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "read CSV only: %,d rows in %.2f s = %,.0f rows/s%n", read, seconds, read / seconds);
    } finally {
      Files.deleteIfExists(csv);
    }
  }

  /** Pregnancy rows of 100,000 women, about 2% of them with one fault. */
  static RawRecord[] generate(ExtractSchema schema, int rows, Random random) throws IOException {
    String[] women = new String[100_000];
    for (int i = 0; i < women.length; i++) {
      LocalDate birth = LocalDate.of(1975, 1, 1).plusDays(random.nextInt(30 * 365));
      women[i] = IdentityNumber.of("652323", birth, random.nextInt(500) * 2).normalised();
    }
    String[] areas = Rows.CONTEXT.areaCodes().toArray(new String[0]);
    Map<String, String> template = Rows.valid(schema);
    RawRecord[] records = new RawRecord[rows];
    String[] flags = {"Y", "N", ""};
    for (int i = 0; i < rows; i++) {
      template.put("pregnancy_id", "P" + i);
      template.put("mother_id_number", women[random.nextInt(women.length)]);
      template.put("residence_area_code", areas[random.nextInt(areas.length)]);
      LocalDate registered = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1800));
      template.put("registration_date", registered.toString());
      template.put("first_visit_week", Integer.toString(4 + random.nextInt(20)));
      template.put("prenatal_visits", Integer.toString(random.nextInt(15)));
      String outcome = Integer.toString(1 + random.nextInt(4));
      template.put("outcome", outcome);
      template.put("outcome_date", outcome.equals("4") ? "" : registered.plusDays(200).toString());
      for (String flag :
          List.of(
              "postpartum_visit",
              "hiv_tested",
              "syphilis_tested",
              "hbv_tested",
              "hiv_positive",
              "syphilis_positive",
              "hbv_positive",
              "infection_treated",
              "high_risk")) {
        template.put(flag, flags[random.nextInt(3)]);
      }
      template.put("hemoglobin_g_l", Integer.toString(80 + random.nextInt(80)));
      template.put("updated_at", registered.plusDays(210) + "T10:15:" + (10 + random.nextInt(50)));
      template.put("deleted", random.nextInt(100) == 0 ? "Y" : "N");
      if (random.nextInt(50) == 0) {
        template.put("hemoglobin_g_l", "999");
      }
      records[i] = RawRecord.of(i + 2, template.values().toArray(new String[0]));
    }
    return records;
  }
}
