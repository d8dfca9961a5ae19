package wds.warehouse.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wds.schemas.sql.SqlFile;
import wds.warehouse.indicator.Unit;

/**
 * A monitoring report's content (reports.md), read whole from a {@link ReportSource}: the plan's
 * years, the attainment (达标) of the report year, one section per indicator by domain, the warnings
 * digest, and the appendix's deliveries and rejected rows. Every number is the warehouse's exact
 * value; the renderers round for reading and the JSON keeps them exact.
 *
 * @param snapshot the snapshot's file name
 * @param publicVersion built from the public feed (withheld cells shown as —)
 */
public record Report(
    ReportKind kind,
    int year,
    String snapshot,
    boolean publicVersion,
    ReportYears years,
    AttainmentTable attainment,
    List<IndicatorSection> indicators,
    WarningDigest digest,
    List<Delivery> deliveries,
    List<RejectCount> rejects,
    List<SexAgeCell> sexAge) {

  private static final String ROOT = "wds/warehouse/report/";
  private static final SqlFile ROWS = SqlFile.load(ROOT + "report_rows.sql");
  private static final SqlFile INDICATORS = SqlFile.load(ROOT + "report_indicators.sql");
  private static final SqlFile SMALL = SqlFile.load(ROOT + "report_small_numbers.sql");
  private static final SqlFile DELIVERIES = SqlFile.load(ROOT + "report_deliveries.sql");
  private static final SqlFile REJECTS = SqlFile.load(ROOT + "report_rejects.sql");

  public Report {
    indicators = List.copyOf(indicators);
    deliveries = List.copyOf(deliveries);
    rejects = List.copyOf(rejects);
    sexAge = List.copyOf(sexAge);
  }

  /** The report of {@code kind} for {@code year} from {@code source}. */
  public static Report read(ReportSource source, int year, ReportKind kind) throws SQLException {
    Connection c = source.connection();
    ReportYears years = ReportYears.read(c);
    int first = Math.min(years.baselineYear(), year - 1);
    Map<String, List<ReportRow>> rows = rows(c, first, year);
    Map<String, List<String>> small = smallNumbers(c, year);
    List<IndicatorSection> sections = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(INDICATORS.sql());
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String code = rs.getString("indicator_code");
        sections.add(
            new IndicatorSection(
                code,
                rs.getString("name_zh"),
                Domain.of(rs.getString("domain")),
                Unit.of(rs.getString("unit")),
                rs.getString("target_op"),
                number(rs, "target"),
                number(rs, "tolerance"),
                rs.getString("basis"),
                rs.getBoolean("by_sex"),
                rs.getString("numerator_definition"),
                rs.getString("denominator_definition"),
                Departments.extracts(code),
                rows.getOrDefault(code, List.of()),
                small.getOrDefault(code, List.of()),
                year,
                years.baselineYear(),
                years.finalYear()));
      }
    }
    sections.sort(
        java.util.Comparator.comparing(IndicatorSection::domain)
            .thenComparing(IndicatorSection::code));
    return new Report(
        kind,
        year,
        source.snapshotName(),
        source.publicVersion(),
        years,
        AttainmentTable.read(c, year),
        sections,
        WarningDigest.read(c, year),
        deliveries(c),
        rejects(c),
        SexAgeCell.read(c, first, year));
  }

  /**
   * The same content as a report of another kind: what {@link #read} reads depends on the year
   * alone, so the annual and the final report of the plan's final year state the same rows and a
   * batch reads them once.
   */
  public Report as(ReportKind other) {
    return new Report(
        other,
        year,
        snapshot,
        publicVersion,
        years,
        attainment,
        indicators,
        digest,
        deliveries,
        rejects,
        sexAge);
  }

  /** The plan's name, as the title page gives it. */
  public String planName() {
    return years.planName();
  }

  /** The sections of one domain, in code order. */
  public List<IndicatorSection> indicators(Domain domain) {
    return indicators.stream().filter(s -> s.domain() == domain).toList();
  }

  /** Every row the report states, indicator by indicator. */
  public List<ReportRow> rows() {
    return indicators.stream().flatMap(s -> s.rows().stream()).toList();
  }

  /** The departments whose deliveries the report rests on, as a report names them. */
  public List<String> departments() {
    return deliveries.stream().map(Delivery::source).distinct().map(Departments::name).toList();
  }

  /** The rows rejected in the deliveries behind the report. */
  public long rejectedRows() {
    return rejects.stream().mapToLong(RejectCount::rows).sum();
  }

  /** The date of the latest delivery behind the snapshot. */
  public LocalDate latestDelivery() {
    return years.latestDeliveryDate();
  }

  private static Map<String, List<ReportRow>> rows(Connection c, int first, int year)
      throws SQLException {
    Map<String, List<ReportRow>> rows = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(ROWS.sql())) {
      ps.setInt(1, first);
      ps.setInt(2, year);
      ps.setInt(3, year);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ReportRow row =
              new ReportRow(
                  rs.getString("indicator_code"),
                  rs.getInt("year"),
                  rs.getString("area_code"),
                  rs.getString("area_name"),
                  rs.getString("area_level"),
                  rs.getString("residence"),
                  rs.getString("sex"),
                  number(rs, "numerator"),
                  number(rs, "denominator"),
                  number(rs, "value"),
                  number(rs, "ci_low"),
                  number(rs, "ci_high"),
                  rs.getString("status"),
                  rs.getBoolean("provisional"),
                  rs.getString("suppressed"));
          rows.computeIfAbsent(row.indicatorCode(), k -> new ArrayList<>()).add(row);
        }
      }
    }
    return rows;
  }

  private static Map<String, List<String>> smallNumbers(Connection c, int year)
      throws SQLException {
    Map<String, List<String>> notes = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(SMALL.sql())) {
      ps.setInt(1, year);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          notes
              .computeIfAbsent(rs.getString("indicator_code"), k -> new ArrayList<>())
              .add(rs.getString("message"));
        }
      }
    }
    return notes;
  }

  private static List<Delivery> deliveries(Connection c) throws SQLException {
    List<Delivery> deliveries = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(DELIVERIES.sql());
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        deliveries.add(
            new Delivery(
                rs.getString("source"),
                rs.getString("extract"),
                rs.getObject("delivery_date", LocalDate.class),
                rs.getLong("rows_loaded"),
                rs.getLong("rows_rejected")));
      }
    }
    return deliveries;
  }

  private static List<RejectCount> rejects(Connection c) throws SQLException {
    List<RejectCount> rejects = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(REJECTS.sql());
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rejects.add(
            new RejectCount(
                rs.getString("source"), rs.getString("reason"), rs.getLong("rejected")));
      }
    }
    return rejects;
  }

  private static Double number(ResultSet rs, String column) throws SQLException {
    Object value = rs.getObject(column);
    return value == null ? null : ((Number) value).doubleValue();
  }
}
