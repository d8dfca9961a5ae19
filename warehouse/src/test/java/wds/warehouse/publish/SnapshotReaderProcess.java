package wds.warehouse.publish;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;

/**
 * An analyst in another process: holds a read-only connection to {@code current.duckdb} and, on
 * each {@code read} line, prints what the held connection and a newly opened one see.
 */
public final class SnapshotReaderProcess {

  public static void main(String[] args) throws Exception {
    Path current = Path.of(args[0]);
    try (Connection held = Snapshots.openReadOnly(current);
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      System.out.println("held " + TestDb.value(held, "SELECT v FROM dim_build"));
      System.out.flush();
      String line;
      while ((line = in.readLine()) != null && !line.equals("quit")) {
        try (Connection fresh = Snapshots.openReadOnly(current)) {
          System.out.println(
              "held "
                  + TestDb.value(held, "SELECT v FROM dim_build")
                  + " new "
                  + TestDb.value(fresh, "SELECT v FROM dim_build"));
          System.out.flush();
        }
      }
    }
  }
}
