package wds.jobs.schedule;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;

/**
 * A listener for the schedule's {@link NightlyRunFinished} (published as a payload) that, after
 * each completed run, takes a fingerprint of the work database's operational layer (per {@code
 * ods_*} table: rows and a SHA-256 over every column of every row) and counts the file deliveries
 * audited so far. It runs on the Quartz thread that ran the job, before that thread can take the
 * next fire.
 */
final class OperationalLayerProbe
    implements ApplicationListener<PayloadApplicationEvent<NightlyRunFinished>> {

  /** What the work database held after one completed run. */
  record State(long executionId, Map<String, String> ods, long fileDeliveries) {}

  private final Path workDatabase;
  private final List<State> states = new CopyOnWriteArrayList<>();
  private volatile Exception failure;

  OperationalLayerProbe(Path workDatabase) {
    this.workDatabase = workDatabase;
  }

  @Override
  public void onApplicationEvent(PayloadApplicationEvent<NightlyRunFinished> event) {
    NightlyRunFinished finished = event.getPayload();
    if (finished.status() != BatchStatus.COMPLETED) {
      return;
    }
    try (Connection c = WorkDatabases.readOnly(workDatabase)) {
      Map<String, String> ods = new TreeMap<>();
      for (String table :
          WorkDatabases.strings(
              c,
              "SELECT table_name FROM information_schema.tables"
                  + " WHERE table_name LIKE 'ods\\_%' ESCAPE '\\' ORDER BY 1")) {
        ods.put(table, fingerprint(c, table));
      }
      long files =
          WorkDatabases.count(c, "SELECT count(*) FROM etl_delivery WHERE connector = 'file'");
      states.add(new State(finished.executionId(), ods, files));
    } catch (Exception e) {
      failure = e;
    }
  }

  private static String fingerprint(Connection c, String table) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    long rows = 0;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY ALL")) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        rows++;
        for (int i = 1; i <= columns; i++) {
          sha.update(String.valueOf(rs.getObject(i)).getBytes(StandardCharsets.UTF_8));
          sha.update((byte) 0x1f);
        }
        sha.update((byte) '\n');
      }
    }
    return rows + " rows " + HexFormat.of().formatHex(sha.digest());
  }

  int runs() {
    return states.size() + (failure == null ? 0 : 1);
  }

  List<State> states() {
    return states;
  }

  Exception failure() {
    return failure;
  }
}
