package wds.jobs.nightly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import wds.pipeline.synthetic.DeliveredFile;
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
    List<DeliveredFile> csv =
        generated.files().stream()
            .filter(f -> f.name().endsWith(".csv") && f.encoding().equalsIgnoreCase("UTF-8"))
            .toList();
    Files.deleteIfExists(database);
    StepClock clock = new StepClock();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + database);
        Statement st = duck.createStatement()) {
      st.execute("SET preserve_insertion_order = false");
      int i = 0;
      for (DeliveredFile f : csv) {
        try (PreparedStatement ps =
            duck.prepareStatement("CREATE TABLE t" + i++ + " AS SELECT * FROM read_csv(?)")) {
          ps.setString(1, drop.resolve(f.source()).resolve(f.name()).toString());
          ps.execute();
        }
      }
    }
    clock.mark("read_csv");
    Files.deleteIfExists(database);
    Files.deleteIfExists(database.resolveSibling(database.getFileName() + ".wal"));
    return clock.steps().get(0);
  }
}
