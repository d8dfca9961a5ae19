package wds.jobs.status;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import wds.jobs.DisplayWidth;
import wds.jobs.HomeOption;
import wds.jobs.metrics.Freshness;
import wds.jobs.metrics.FreshnessPolicy;
import wds.schemas.CountyClock;
import wds.schemas.SchemaCatalog;
import wds.schemas.sql.SqlFile;
import wds.warehouse.publish.CatalogTables;
import wds.warehouse.publish.Snapshots;
import wds.warehouse.report.DigestEntry;
import wds.warehouse.report.ReportYears;
import wds.warehouse.report.WarningDigest;

/**
 * The {@code wds status} command: what the operator wants to see each morning, from the current
 * snapshot: the latest load of each extract, refused deliveries with their fault, rejected rows by
 * reason, and the ten most pressing warnings of the plan's latest complete year (a provisional year
 * apart, marked 暂定). Tables a snapshot does not hold yet are reported as such. It starts no Spring
 * context, job repository or migration: it only reads the snapshot.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Shows the last loads, the rejects and the warnings of the current snapshot.")
public final class StatusCommand implements Callable<Integer> {

  /** At most this many indicators of the warnings digest are listed, the most pressing first. */
  static final int LISTED_WARNINGS = 10;

  @Mixin HomeOption home;

  @Option(
      names = "--max-days",
      paramLabel = "N",
      defaultValue = "2",
      description =
          "warn about a source with no delivery for more than N days (default ${DEFAULT-VALUE};"
              + " population and reports, yearly returns: 400)")
  int maxDays;

  @Option(
      names = "--region",
      paramLabel = "FILE",
      description = "each county's last night and the region's snapshot (see jobs/REGIONS.md)")
  java.nio.file.Path region;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (region != null) {
      return wds.jobs.region.RegionStatus.print(wds.jobs.region.RegionFile.load(region), out);
    }
    Snapshots snapshots = new Snapshots(home.home().snapshots());
    Optional<Path> current = snapshots.current();
    if (current.isEmpty()) {
      out.println("No warehouse snapshot has been published yet in " + snapshots.folder() + ".");
      out.println("The nightly job publishes one after its first successful load.");
      out.flush();
      return 0;
    }
    out.println("Snapshot  " + current.get().getFileName());
    try (Connection connection = Snapshots.openReadOnly(current.get())) {
      CatalogTables tables = CatalogTables.read(connection, catalog(connection));
      loads(connection, tables, out);
      if (tables.has("etl_delivery")) {
        IgnoredFiles.print(connection, out);
      }
      rejects(connection, tables, out);
      warnings(connection, tables, out);
      freshness(current.get(), out);
      out.flush();
      return 0;
    } catch (SQLException e) {
      spec.commandLine()
          .getErr()
          .println(
              "wds status: cannot read "
                  + current.get().getFileName()
                  + ": "
                  + e.getMessage().lines().findFirst().orElse(""));
      spec.commandLine().getErr().flush();
      return 1;
    }
  }

  /** Sources that have gone quiet (wds.freshness: 2 days, the yearly returns 400). */
  private void freshness(Path snapshot, PrintWriter out) throws SQLException {
    FreshnessPolicy policy = new FreshnessPolicy(maxDays, null);
    List<String> stale =
        Freshness.warnings(
            Freshness.check(snapshot, SchemaCatalog.load().sources(), policy, CountyClock.today()));
    out.println();
    out.println("Freshness (a warning after " + maxDays + " days without a delivery)");
    if (stale.isEmpty()) {
      out.println("  every source delivered within its limit");
    }
    stale.forEach(w -> out.println("  " + w));
  }

  private static void loads(Connection connection, CatalogTables tables, PrintWriter out)
      throws SQLException {
    out.println();
    out.println("Latest loads");
    if (!tables.has("etl_delivery")) {
      out.println("  (no load audit in this snapshot)");
      return;
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {"source", "extract", "delivered", "status", "read", "loaded", "rejected"});
    List<String> refused = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(sql("latest_loads.sql"));
        ResultSet result = query.executeQuery()) {
      while (result.next()) {
        rows.add(
            new String[] {
              result.getString(1),
              result.getString(2),
              text(result.getString(3)),
              text(result.getString(4)),
              text(result.getString(5)),
              text(result.getString(6)),
              text(result.getString(7))
            });
        if ("refused".equals(result.getString(4))) {
          refused.add(
              result.getString(1)
                  + "/"
                  + result.getString(2)
                  + " "
                  + text(result.getString(3))
                  + ": "
                  + text(result.getString(8)));
        }
      }
    }
    if (rows.size() == 1) {
      out.println("  (no deliveries yet)");
    } else {
      printAligned(rows, out);
    }
    if (!refused.isEmpty()) {
      out.println();
      out.println("Refused deliveries");
      refused.forEach(line -> out.println("  " + line));
    }
  }

  private static void rejects(Connection connection, CatalogTables tables, PrintWriter out)
      throws SQLException {
    out.println();
    out.println("Rejected rows by reason (latest deliveries)");
    if (!tables.has("etl_reject")) {
      out.println("  (no reject audit in this snapshot)");
      return;
    }
    List<String[]> rows = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(sql("rejects_by_reason.sql"));
        ResultSet result = query.executeQuery()) {
      while (result.next()) {
        rows.add(new String[] {result.getString(1), result.getString(2)});
      }
    }
    if (rows.isEmpty()) {
      out.println("  none");
    } else {
      printAligned(rows, out);
    }
  }

  /**
   * The warnings of the plan's latest complete year, the year the committee asks about: counted by
   * kind, then the most pressing indicators one line each, ranked as the reports rank their digest
   * ({@link WarningDigest}); provisional years (暂定) follow apart, counted only.
   */
  private static void warnings(Connection connection, CatalogTables tables, PrintWriter out)
      throws SQLException {
    out.println();
    if (!tables.has("indicator_warning")) {
      out.println("Warnings");
      out.println("  (no indicator warnings in this snapshot)");
      return;
    }
    if (!tables.has("build_context") || !tables.has("indicator_value")) {
      out.println("Warnings");
      out.println("  (this snapshot records no plan years; wds publish builds one that does)");
      return;
    }
    ReportYears years = ReportYears.read(connection);
    OptionalInt complete = years.latestCompleteYear();
    if (complete.isEmpty()) {
      out.println("Warnings");
      out.println("  no year of the plan " + years.planCode() + " is complete yet");
    } else {
      int year = complete.getAsInt();
      WarningDigest digest = WarningDigest.read(connection, year);
      out.println(
          "Warnings of "
              + year
              + ", the plan's latest complete year ("
              + countsByKind(connection, year)
              + ")");
      if (digest.entries().isEmpty()) {
        out.println("  no indicator misses its target or is projected to");
      }
      for (DigestEntry entry :
          digest.entries().subList(0, Math.min(LISTED_WARNINGS, digest.entries().size()))) {
        out.printf(
            Locale.ROOT, "  %2d. %s %s%n", entry.rank(), entry.indicatorCode(), entry.text());
      }
      if (digest.entries().size() > LISTED_WARNINGS) {
        out.println(
            "  ... and "
                + (digest.entries().size() - LISTED_WARNINGS)
                + " more indicators: wds query \"select * from indicator_warning where year = "
                + year
                + "\"");
      }
    }
    for (int provisional : provisionalYears(connection, years.provisionalFromYear())) {
      out.println(
          "暂定 "
              + provisional
              + " (provisional: still being delivered, not judged yet): "
              + countsByKind(connection, provisional));
    }
  }

  private static String countsByKind(Connection connection, int year) throws SQLException {
    List<String> counts = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(sql("warnings_by_kind.sql"))) {
      query.setInt(1, year);
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          counts.add(result.getString(1) + " " + result.getString(2));
        }
      }
    }
    return counts.isEmpty() ? "no warnings" : String.join(", ", counts);
  }

  private static List<Integer> provisionalYears(Connection connection, int from)
      throws SQLException {
    List<Integer> found = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(sql("warning_years.sql"))) {
      query.setInt(1, from);
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          found.add(result.getInt(1));
        }
      }
    }
    return found;
  }

  private static void printAligned(List<String[]> rows, PrintWriter out) {
    int[] width = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length - 1; i++) {
        width[i] = Math.max(width[i], DisplayWidth.of(row[i]));
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(" ");
      for (int i = 0; i < row.length; i++) {
        line.append(' ').append(row[i]);
        if (i < row.length - 1) {
          line.append(" ".repeat(width[i] - DisplayWidth.of(row[i]) + 1));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private static String text(String value) {
    return value == null ? "-" : value;
  }

  private static String catalog(Connection connection) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT current_database()");
        ResultSet result = query.executeQuery()) {
      result.next();
      return result.getString(1);
    }
  }

  private static String sql(String name) {
    return SqlFile.load(StatusCommand.class, name).sql();
  }
}
