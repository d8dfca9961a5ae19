package wds.jobs.status;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import wds.pipeline.log.LogText;
import wds.schemas.sql.SqlFile;

/**
 * The section of {@code wds status} that lists the data files that lay in the drop without being
 * listed in their manifest: the loader never read them and audited each as {@code ignored}. A file
 * a department meant to send and forgot to list shows here, not only in a log line.
 */
final class IgnoredFiles {

  /** At most this many files are listed. */
  static final int LISTED = 20;

  private IgnoredFiles() {}

  static void print(Connection connection, PrintWriter out) throws SQLException {
    StringBuilder lines = new StringBuilder();
    int n = 0;
    try (PreparedStatement query = connection.prepareStatement(sql())) {
      query.setInt(1, LISTED);
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          n++;
          lines
              .append("  ")
              .append(result.getString(1))
              .append(' ')
              .append(result.getString(2))
              .append(": ")
              .append(LogText.of(result.getString(3)))
              .append(System.lineSeparator());
        }
      }
    }
    if (n == 0) {
      return;
    }
    out.println();
    out.println("Files in the drop not listed in their manifest (ignored, not loaded)");
    out.print(lines);
  }

  private static String sql() {
    return SqlFile.load(IgnoredFiles.class, "ignored_files.sql").sql();
  }
}
