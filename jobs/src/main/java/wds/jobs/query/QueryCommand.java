package wds.jobs.query;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;
import wds.jobs.HomeOption;
import wds.warehouse.publish.Snapshots;

/**
 * The {@code wds query} command: read-only SQL on the current warehouse snapshot, printed as an
 * aligned table, CSV or JSON. The snapshot is opened with {@code duckdb.read_only=true}, so it
 * cannot be changed and the nightly build is never blocked.
 */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = "Runs read-only SQL on the current warehouse snapshot.")
public final class QueryCommand implements Callable<Integer> {

  /** What the command says when a statement would change the snapshot. */
  public static final String READ_ONLY = "wds query is read-only: the snapshot cannot be changed";

  /** How the result is printed. */
  public enum Format {
    table,
    csv,
    json
  }

  @Mixin HomeOption home;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table (aligned columns), csv or json (default: ${DEFAULT-VALUE})")
  Format format;

  @Parameters(paramLabel = "SQL", description = "the query, for example \"select * from dim_sex\"")
  String sql;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Path> snapshot = new Snapshots(home.home().snapshots()).current();
    if (snapshot.isEmpty()) {
      err.println(
          "wds query: no warehouse snapshot has been published yet in " + home.home().snapshots());
      err.flush();
      return 2;
    }
    try (Connection connection = Snapshots.openReadOnly(snapshot.get());
        Statement statement = connection.createStatement()) {
      if (!statement.execute(sql)) {
        out.println("(no rows)");
      } else {
        try (ResultSet rows = statement.getResultSet()) {
          switch (format) {
            case table -> new TablePrinter(out).print(rows);
            case csv -> printCsv(rows, out);
            case json -> printJson(rows, out);
          }
        }
      }
      out.flush();
      return 0;
    } catch (SQLException | java.io.IOException | RuntimeException e) {
      err.println(message(e));
      err.flush();
      return 1;
    }
  }

  /** One line for the analyst: the read-only refusal in plain words, or DuckDB's own message. */
  static String message(Exception e) {
    String text = String.valueOf(e.getMessage());
    if (text.contains("read-only mode") || text.contains("read only mode")) {
      return READ_ONLY + ".";
    }
    String first = text.lines().findFirst().orElse(text).strip();
    return "wds query: " + first;
  }

  private static void printCsv(ResultSet rows, PrintWriter out)
      throws SQLException, java.io.IOException {
    CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
    ResultSetMetaData meta = rows.getMetaData();
    int columns = meta.getColumnCount();
    List<String> record = new ArrayList<>();
    for (int i = 1; i <= columns; i++) {
      record.add(meta.getColumnLabel(i));
    }
    csv.writeRecord(record);
    while (rows.next()) {
      record.clear();
      for (int i = 1; i <= columns; i++) {
        String value = rows.getString(i);
        record.add(value == null ? "" : value);
      }
      csv.writeRecord(record);
    }
    // Not closed: that would close the command's output.
    csv.flush();
  }

  private static void printJson(ResultSet rows, PrintWriter out) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    int columns = meta.getColumnCount();
    // the generator must not close the command's writer: the closing newline still follows
    JsonMapper mapper = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    try (JsonGenerator json = mapper.createGenerator(out)) {
      json.writeStartArray();
      while (rows.next()) {
        json.writeStartObject();
        for (int i = 1; i <= columns; i++) {
          json.writeName(meta.getColumnLabel(i));
          Object value = rows.getObject(i);
          if (value == null) {
            json.writeNull();
          } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
          } else if (value instanceof BigDecimal d) {
            json.writeNumber(d);
          } else if (value instanceof Double d && !Double.isFinite(d)) {
            json.writeString(value.toString());
          } else if (value instanceof Number n) {
            json.writeNumber(new BigDecimal(n.toString()));
          } else {
            json.writeString(rows.getString(i));
          }
        }
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    out.println();
  }
}
