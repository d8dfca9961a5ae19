package wds.warehouse.report;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import wds.schemas.sql.SqlFile;
import wds.warehouse.indicator.Unit;

/**
 * The early-warning digest of a report year (需要关注的问题, {@code reports.md}): one entry per indicator,
 * not one per warning row, ranked not met and projected to miss, then not met, then projected to
 * miss, then volatile; within a rank in the catalogue's order (domain, then code). Each entry is
 * judged on the indicator's county row (residence all, sex 0), the row attainment counts, and names
 * the townships whose own row misses the target. The indicators without data follow, by department.
 * The warning rows stay in the warehouse; this is what a person reads.
 */
public record WarningDigest(int year, List<DigestEntry> entries, List<MissingData> missing) {

  private static final String ROOT = "wds/warehouse/report/";
  private static final SqlFile HEADLINES = SqlFile.load(ROOT + "digest_headlines.sql");
  private static final SqlFile TOWNSHIPS = SqlFile.load(ROOT + "digest_townships.sql");
  private static final SqlFile MISSING = SqlFile.load(ROOT + "digest_missing.sql");

  public WarningDigest {
    entries = List.copyOf(entries);
    missing = List.copyOf(missing);
  }

  /** The digest of {@code year} in the snapshot open on {@code snapshot}. */
  public static WarningDigest read(Connection snapshot, int year) throws SQLException {
    Map<String, List<DigestArea>> townships = townships(snapshot, year);
    List<Headline> ranked = new ArrayList<>();
    try (PreparedStatement ps = snapshot.prepareStatement(HEADLINES.sql())) {
      ps.setInt(1, year);
      ps.setInt(2, year);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Headline h = Headline.of(rs, year);
          if (h.digestClass() != null) {
            ranked.add(h);
          }
        }
      }
    }
    ranked.sort(
        Comparator.comparing(Headline::digestClass)
            .thenComparing(h -> Domain.of(h.domain()))
            .thenComparing(Headline::code));
    List<DigestEntry> entries = new ArrayList<>();
    for (Headline h : ranked) {
      List<DigestArea> areas = townships.getOrDefault(h.code(), List.of());
      entries.add(h.entry(entries.size() + 1, areas));
    }
    return new WarningDigest(year, entries, missing(snapshot, year));
  }

  private static Map<String, List<DigestArea>> townships(Connection snapshot, int year)
      throws SQLException {
    Map<String, List<DigestArea>> byIndicator = new LinkedHashMap<>();
    try (PreparedStatement ps = snapshot.prepareStatement(TOWNSHIPS.sql())) {
      ps.setInt(1, year);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byIndicator
              .computeIfAbsent(rs.getString("indicator_code"), k -> new ArrayList<>())
              .add(new DigestArea(rs.getString("area_code"), rs.getString("area_name")));
        }
      }
    }
    return byIndicator;
  }

  private static List<MissingData> missing(Connection snapshot, int year) throws SQLException {
    List<MissingData> missing = new ArrayList<>();
    try (PreparedStatement ps = snapshot.prepareStatement(MISSING.sql())) {
      ps.setInt(1, year);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String code = rs.getString("indicator_code");
          String department =
              "reported".equals(rs.getString("basis"))
                  ? orElse(rs.getString("reporting_department"), "报送部门（未报送）")
                  : Departments.ofComputed(code);
          missing.add(
              new MissingData(department, code, rs.getString("name_zh"), rs.getString("message")));
        }
      }
    }
    missing.sort(
        Comparator.comparing(MissingData::department).thenComparing(MissingData::indicatorCode));
    return missing;
  }

  private static String orElse(String value, String otherwise) {
    return value == null || value.isBlank() ? otherwise : value;
  }

  /**
   * The county row of one indicator in the year, with what the digest needs to rank and word it.
   */
  private record Headline(
      String code,
      String nameZh,
      String domain,
      Unit unit,
      String targetOp,
      Double target,
      Double tolerance,
      Double value,
      String status,
      Double previous,
      Double baseline,
      List<String> kinds,
      Double projected,
      int year,
      int baselineYear,
      int finalYear) {

    static Headline of(ResultSet rs, int year) throws SQLException {
      List<String> kinds = new ArrayList<>();
      Array array = rs.getArray("kinds");
      for (Object kind : (Object[]) array.getArray()) {
        kinds.add(kind.toString());
      }
      return new Headline(
          rs.getString("indicator_code"),
          rs.getString("name_zh"),
          rs.getString("domain"),
          Unit.of(rs.getString("unit")),
          rs.getString("target_op"),
          number(rs, "target"),
          number(rs, "tolerance"),
          number(rs, "value"),
          rs.getString("status"),
          number(rs, "previous_value"),
          number(rs, "baseline_value"),
          kinds,
          number(rs, "projected_value"),
          year,
          rs.getInt("baseline_year"),
          rs.getInt("final_year"));
    }

    DigestClass digestClass() {
      return DigestClass.of(status, kinds);
    }

    /** How far the value is from its target when it misses it; null otherwise. */
    Double gap() {
      return "not_met".equals(status)
          ? ReportPhrases.gapValue(targetOp, target, tolerance, baseline, value)
          : null;
    }

    DigestEntry entry(int rank, List<DigestArea> townships) {
      Double gap = gap();
      return new DigestEntry(
          rank,
          code,
          nameZh,
          domain,
          digestClass(),
          kinds,
          value,
          unit.code(),
          targetOp,
          target,
          gap,
          townships,
          text(gap, townships));
    }

    /** "孕产妇系统管理率2025年为88.2%，比上年提高0.8个百分点；目标为不低于90%，距目标仍差1.8个百分点；…" */
    private String text(Double gap, List<DigestArea> townships) {
      List<String> parts = new ArrayList<>();
      StringBuilder first = new StringBuilder(nameZh).append(year).append("年");
      first.append(value == null ? "暂无数据" : "为" + unit.format(value));
      if (value != null && previous != null) {
        first.append("，").append(ReportPhrases.change(unit, value, previous));
      }
      parts.add(first.toString());
      String target = ReportPhrases.target(unit, targetOp, this.target, tolerance, baselineYear);
      if (!target.isEmpty()) {
        parts.add(gap == null ? target : target + "，" + ReportPhrases.gap(unit, gap));
      }
      if (projected != null) {
        parts.add(
            "按"
                + baselineYear
                + "年以来的趋势，预计"
                + finalYear
                + "年为"
                + unit.format(projected)
                + "，难以实现目标");
      }
      if (kinds.contains("volatile") && previous != null && previous != 0 && value != null) {
        parts.add(
            "较上年变化"
                + String.format(
                    Locale.ROOT, "%+.1f%%", (value - previous) / Math.abs(previous) * 100)
                + "，波动较大");
      }
      if (!townships.isEmpty()) {
        parts.add("未达标的乡镇：" + String.join("、", townships.stream().map(DigestArea::name).toList()));
      }
      return String.join("；", parts) + "。";
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
      Object value = rs.getObject(column);
      return value == null ? null : ((Number) value).doubleValue();
    }
  }
}
