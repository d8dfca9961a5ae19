package wds.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import wds.pipeline.synthetic.DeliveredFile;
import wds.pipeline.synthetic.GenerationSummary;

/**
 * The benchmarks' yardstick: DuckDB's own multi-threaded {@code read_csv} of CSV files into plain
 * tables of a new database, no checks at all. In-process ({@link #load}) beside the loader, and as
 * a whole process of its own ({@link #main}: a JVM with the same DuckDB JDBC jar, nothing else
 * started) beside a whole {@code wds load}.
 */
public final class ReadCsvCeiling {

  private ReadCsvCeiling() {}

  /**
   * {@code java … wds.jobs.ReadCsvCeiling <database> <file.csv>…}: loads the files into a new
   * database with the loader's setting {@code preserve_insertion_order = false}, then deletes it.
   */
  public static void main(String[] args) throws SQLException, IOException {
    if (args.length < 2) {
      System.err.println("usage: ReadCsvCeiling <database> <file.csv>...");
      System.exit(1);
    }
    Path database = Path.of(args[0]);
    load(database, Arrays.stream(args).skip(1).map(Path::of).toList(), true);
    delete(database);
  }

  /**
   * Each file into a table of its own in a new database; {@code unordered} gives DuckDB the
   * loader's {@code preserve_insertion_order = false}, else its defaults.
   */
  public static void load(Path database, List<Path> files, boolean unordered) throws SQLException {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + database);
        Statement st = duck.createStatement()) {
      if (unordered) {
        st.execute("SET preserve_insertion_order = false");
      }
      int i = 0;
      for (Path file : files) {
        try (PreparedStatement ps =
            duck.prepareStatement("CREATE TABLE t" + i++ + " AS SELECT * FROM read_csv(?)")) {
          ps.setString(1, file.toString());
          ps.execute();
        }
      }
    }
  }

  /**
   * The generated delivery's files DuckDB can read as they are: its UTF-8 CSV files (the GB18030
   * files of civil affairs and the xlsx files are left out).
   */
  public static List<Path> utf8CsvFiles(GenerationSummary generated, Path drop) {
    return generated.files().stream()
        .filter(ReadCsvCeiling::readable)
        .map(f -> drop.resolve(f.source()).resolve(f.name()))
        .toList();
  }

  /** Rows in the files {@link #utf8CsvFiles} lists. */
  public static long utf8CsvRows(GenerationSummary generated) {
    return generated.files().stream()
        .filter(ReadCsvCeiling::readable)
        .mapToLong(DeliveredFile::rows)
        .sum();
  }

  private static boolean readable(DeliveredFile file) {
    return file.name().endsWith(".csv") && file.encoding().equalsIgnoreCase("UTF-8");
  }

  /** Deletes the database and its write-ahead log. */
  public static void delete(Path database) throws IOException {
    Files.deleteIfExists(database);
    Files.deleteIfExists(database.resolveSibling(database.getFileName() + ".wal"));
  }
}
