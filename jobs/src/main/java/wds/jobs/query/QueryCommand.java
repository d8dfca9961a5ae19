package wds.jobs.query;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import wds.jobs.WdsHome;
import wds.jobs.region.RegionFile;
import wds.warehouse.publish.Snapshots;
import wds.warehouse.query.QueryLimits;
import wds.warehouse.query.QueryRefusedException;
import wds.warehouse.query.RowLimit;
import wds.warehouse.query.SqlSandbox;

/**
 * The {@code wds query} command: one reading statement on the current warehouse snapshot, printed
 * as an aligned table, CSV or JSON. It runs in the {@link SqlSandbox}: read-only, no file but the
 * snapshot, no setting or extension, a time limit and a row limit; the nightly build is never
 * blocked. It starts no Spring application, so it answers in about a second (README, Security).
 */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = "Runs read-only SQL on the current warehouse snapshot.")
public final class QueryCommand implements Callable<Integer> {

  /** The statements that would change the snapshot: refused with {@link #READ_ONLY}. */
  private static final Set<String> WRITES =
      Set.of(
          "INSERT",
          "UPDATE",
          "DELETE",
          "CREATE",
          "DROP",
          "ALTER",
          "TRUNCATE",
          "MERGE",
          "UPSERT",
          "REPLACE",
          "COMMENT",
          "VACUUM",
          "CHECKPOINT",
          "IMPORT");

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

  @Option(
      names = "--max-rows",
      paramLabel = "N",
      defaultValue = "${env:WDS_QUERY_MAX_ROWS:-100000}",
      description =
          "rows shown at most; a longer result is cut and says so"
              + " (default: $WDS_QUERY_MAX_ROWS or 100000)")
  long maxRows;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "${env:WDS_QUERY_TIMEOUT:-60}",
      description = "the query is stopped after this long (default: $WDS_QUERY_TIMEOUT or 60)")
  long timeoutSeconds;

  @Option(
      names = "--region",
      paramLabel = "FILE",
      description = "query the region's snapshot (the region file's home) instead of --home")
  Path region;

  @Parameters(paramLabel = "SQL", description = "the query, for example \"select * from dim_sex\"")
  String sql;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    WdsHome queried = region == null ? home.home() : RegionFile.load(region).home();
    Optional<Path> snapshot = new Snapshots(queried.snapshots()).current();
    if (snapshot.isEmpty()) {
      err.println(
          "wds query: no warehouse snapshot has been published yet in " + queried.snapshots());
      err.flush();
      return 2;
    }
    try (SqlSandbox sandbox = SqlSandbox.open(snapshot.get(), limits())) {
      SqlSandbox.Outcome outcome =
          sandbox.query(
              sql,
              (rows, limit) -> {
                switch (format) {
                  case table -> new TablePrinter(out).print(rows, limit);
                  case csv -> printCsv(rows, limit, out);
                  case json -> printJson(rows, limit, out);
                }
              });
      if (!outcome.result()) {
        out.println("(no rows)");
      }
      out.flush();
      if (outcome.cut()) {
        // on the error stream, so CSV and JSON stay whole for the program reading them
        err.println(
            "wds query: the result was cut after "
                + outcome.rows()
                + " rows, the row limit (--max-rows, WDS_QUERY_MAX_ROWS)");
        err.flush();
      }
      return 0;
    } catch (QueryRefusedException e) {
      err.println(refusal(e));
      err.flush();
      return 1;
    } catch (SQLException | java.io.IOException | RuntimeException e) {
      err.println(message(e));
      err.flush();
      return 1;
    }
  }

  private QueryLimits limits() {
    return new QueryLimits(Duration.ofSeconds(timeoutSeconds), maxRows);
  }

  /** One line for a refused query: the read-only refusal for a write, else what is not allowed. */
  static String refusal(QueryRefusedException e) {
    if (e.reason() == QueryRefusedException.Reason.NOT_A_READ && WRITES.contains(e.keyword())) {
      return READ_ONLY + ".";
    }
    String hint =
        switch (e.reason()) {
          case TIME_LIMIT -> " (--timeout, WDS_QUERY_TIMEOUT)";
          default -> "";
        };
    return "wds query: " + e.getMessage() + hint;
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

  private static void printCsv(ResultSet rows, RowLimit limit, PrintWriter out)
      throws SQLException, java.io.IOException {
    CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
    ResultSetMetaData meta = rows.getMetaData();
    int columns = meta.getColumnCount();
    List<String> record = new ArrayList<>();
    for (int i = 1; i <= columns; i++) {
      record.add(meta.getColumnLabel(i));
    }
    csv.writeRecord(record);
    while (limit.next(rows)) {
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

  private static void printJson(ResultSet rows, RowLimit limit, PrintWriter out)
      throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    int columns = meta.getColumnCount();
    // the generator must not close the command's writer: the closing newline still follows
    JsonMapper mapper = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    try (JsonGenerator json = mapper.createGenerator(out)) {
      json.writeStartArray();
      while (limit.next(rows)) {
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
