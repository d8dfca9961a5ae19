package wds.jobs.nightly;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import wds.jobs.ReadCsvCeiling;
import wds.pipeline.synthetic.GenerationSummary;

/**
 * The yardstick of a nightly benchmark: DuckDB's own multi-threaded {@code read_csv} of the
 * delivery's UTF-8 CSV files into plain tables of a new database, no checks at all (the GB18030
 * files of civil affairs are left out: DuckDB reads UTF-8 only).
 */
final class Yardstick {

  private Yardstick() {}

  static StepClock.Step readCsv(Path database, Path drop, GenerationSummary generated)
      throws SQLException, IOException {
    ReadCsvCeiling.delete(database);
    StepClock clock = new StepClock();
    ReadCsvCeiling.load(database, ReadCsvCeiling.utf8CsvFiles(generated, drop), true);
    clock.mark("read_csv");
    ReadCsvCeiling.delete(database);
    return clock.steps().get(0);
  }
}
