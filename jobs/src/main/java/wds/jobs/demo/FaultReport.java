package wds.jobs.demo;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import wds.pipeline.synthetic.CountyGenerator;

/**
 * What the generator made faulty in the demo delivery ({@code injected-faults.csv}, by reason)
 * against what the load rejected ({@code etl_reject} of the delivery's date, by reason): the demo's
 * proof that every injected fault was caught and reported.
 */
record FaultReport(Map<String, Long> injected, Map<String, Long> rejected) {

  /**
   * @param faults the generator's list of faulty rows
   * @param workDatabase the work database the demo loaded (closed by now; read here read-only)
   * @param date the delivery's extract date
   */
  static FaultReport of(Path faults, Path workDatabase, LocalDate date)
      throws IOException, SQLException {
    Map<String, Long> injected = new TreeMap<>();
    if (Files.isRegularFile(faults)) {
      try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(faults)) {
        for (NamedCsvRecord r : csv) {
          injected.merge(r.getField("reason"), 1L, Long::sum);
        }
      }
    }
    Map<String, Long> rejected = new TreeMap<>();
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + workDatabase, readOnly);
        PreparedStatement st =
            c.prepareStatement(
                "SELECT reason, sum(rows) FROM etl_reject WHERE delivery_date = ? GROUP BY 1")) {
      st.setObject(1, date);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          rejected.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return new FaultReport(injected, rejected);
  }

  boolean everyFaultCaught() {
    return injected.equals(rejected);
  }

  void print(PrintStream out, Path quarantine) {
    long made = injected.values().stream().mapToLong(Long::longValue).sum();
    long caught = rejected.values().stream().mapToLong(Long::longValue).sum();
    if (made == 0 && caught == 0) {
      out.println("\ndemo: the delivery has no faulty rows, and the load rejected none");
      return;
    }
    out.printf(
        Locale.ROOT,
        "%ndemo: the generator made %,d rows faulty (%s); the load rejected %,d:%n",
        made,
        "drop/" + CountyGenerator.FAULTS_FILE,
        caught);
    out.printf(Locale.ROOT, "  %-18s %9s %9s%n", "reason", "injected", "rejected");
    TreeSet<String> reasons = new TreeSet<>(injected.keySet());
    reasons.addAll(rejected.keySet());
    for (String reason : reasons) {
      long i = injected.getOrDefault(reason, 0L);
      long r = rejected.getOrDefault(reason, 0L);
      out.printf(Locale.ROOT, "  %-18s %,9d %,9d%s%n", reason, i, r, i == r ? "" : "   <- differs");
    }
    if (everyFaultCaught()) {
      out.println(
          "  every injected fault was caught with its reason: counts in etl_reject, raw rows in "
              + quarantine
              + " (operator only)");
    } else {
      out.println(
          "  the counts differ: see etl_reject and "
              + quarantine
              + " (an earlier, different demo delivery of the same date in this home adds to the"
              + " rejected counts)");
    }
  }
}
