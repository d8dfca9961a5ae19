package wds.warehouse.indicator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import wds.schemas.sql.SqlFile;

/**
 * The tallies of every computed indicator's parts in as few passes over the facts as their rows
 * allow: the parts that read the same fact under the same reference rule (and year offset or
 * window) are aggregated together in one query, each with its condition, over the union of the
 * grouping sets their indicators report; a part then keeps the rows of its own indicator's sets
 * only. Counts, sums and means share one query ({@code fact_cells.sql}, each aggregate with its
 * {@code FILTER}); the distinct counts of one thing (persons, or one expression's values) share
 * another ({@code fact_distinct_cells.sql}: groupings, then {@code count(*)}); distinct persons are
 * grouped by an integer given to each person of the fact ({@code person_ids.sql}), not by the
 * 64-character key. A part counted by several indicators (births as a denominator) is aggregated
 * once.
 */
final class FactPasses {

  private static final Logger LOG = LoggerFactory.getLogger(FactPasses.class);
  private static final String TEMPLATE = "wds/warehouse/engine/fact_cells.sql";
  private static final String DISTINCT_TEMPLATE = "wds/warehouse/engine/fact_distinct_cells.sql";
  private static final String PERSON_IDS = "wds/warehouse/engine/person_ids.sql";
  private static final String PERSON_KEY = "person_key";

  /** One part of one indicator (its role: numerator, denominator, provisional_when). */
  record PartOf(IndicatorDefinition definition, String role, Part part) {

    /** The name its tallies are filed under. */
    String key() {
      return key(definition, role);
    }

    static String key(IndicatorDefinition definition, String role) {
      return definition.code() + "/" + role;
    }

    String source() {
      return "indicator " + definition.code() + " (" + part.fact() + ")";
    }
  }

  /**
   * The rows a part reads and, for a distinct count, what it counts (null for the others): parts
   * with equal rows and equal counted values share a pass.
   */
  private record Rows(
      String fact, Reference reference, int yearOffset, int windowYears, String counted) {

    static Rows of(PartOf p) {
      Part part = p.part();
      return new Rows(
          part.fact(),
          part.reference(),
          part.yearOffset(),
          part.windowYears(),
          part.aggregate().distinct() ? part.aggregate().counted(p.source()) : null);
    }
  }

  private FactPasses() {}

  /** The tallies of each part per cell, by {@link PartOf#key()}. */
  static Map<String, Map<Cell, Tally>> tally(Connection conn, List<PartOf> parts, BuildYears years)
      throws SQLException {
    Map<Rows, List<PartOf>> passes = new LinkedHashMap<>();
    for (PartOf p : parts) {
      passes.computeIfAbsent(Rows.of(p), r -> new ArrayList<>()).add(p);
    }
    Map<String, Map<Cell, Tally>> tallies = new HashMap<>();
    for (var pass : passes.entrySet()) {
      long t0 = System.nanoTime();
      pass(conn, pass.getKey(), pass.getValue(), years, tallies);
      LOG.debug(
          "{} ({} parts) in {} ms",
          pass.getKey(),
          pass.getValue().size(),
          (System.nanoTime() - t0) / 1_000_000);
    }
    return tallies;
  }

  private static void pass(
      Connection conn,
      Rows rows,
      List<PartOf> parts,
      BuildYears years,
      Map<String, Map<Cell, Tally>> tallies)
      throws SQLException {
    // one amount and records column per distinct (aggregate, condition)
    Map<String, Integer> columnOf = new LinkedHashMap<>();
    Map<String, Integer> partColumn = new HashMap<>();
    List<String> aggregates = new ArrayList<>();
    Map<String, List<String>> distinct = new HashMap<>();
    boolean bySex = false;
    boolean residenceSplit = false;
    for (PartOf p : parts) {
      String aggregate = p.part().aggregate().sql(p.source());
      String where = SqlFile.expression(p.source(), p.part().where());
      Integer column = columnOf.get(aggregate + "\n" + where);
      if (column == null) {
        column = columnOf.size();
        columnOf.put(aggregate + "\n" + where, column);
        if (rows.counted() == null) {
          aggregates.add(
              "(%1$s filter (where %2$s))::double as amount_%3$d,"
                      .formatted(aggregate, where, column)
                  + " (count(*) filter (where %1$s))::bigint as records_%2$d"
                      .formatted(where, column));
        } else {
          // fact_distinct_cells.sql's slots, one entry per part: a value meets the condition in an
          // area or a cell when one of its rows there does
          distinct
              .computeIfAbsent("conditions", k -> new ArrayList<>())
              .add("(%1$s) as c_%2$d".formatted(where, column));
          distinct
              .computeIfAbsent("records", k -> new ArrayList<>())
              .add("(count(*) filter (where c_%1$d))::bigint as records_%1$d".formatted(column));
          distinct
              .computeIfAbsent("records_summed", k -> new ArrayList<>())
              .add("sum(records_%1$d)::bigint as records_%1$d".formatted(column));
          // the years in which a row meets the condition, as bits (year_bit: the row's year)
          distinct
              .computeIfAbsent("flags", k -> new ArrayList<>())
              .add(
                  "bit_or(case when c_%1$d then year_bit else 0 end) as meets_%1$d"
                      .formatted(column));
          distinct
              .computeIfAbsent("flags_again", k -> new ArrayList<>())
              .add("bit_or(meets_%1$d) as meets_%1$d".formatted(column));
          distinct
              .computeIfAbsent("counts", k -> new ArrayList<>())
              .add(
                  "count(*) filter (where (meets_%1$d >> bit) & 1 = 1) as amount_%1$d"
                      .formatted(column));
          distinct
              .computeIfAbsent("sums", k -> new ArrayList<>())
              .add("sum(amount_%1$d) as amount_%1$d".formatted(column));
          distinct
              .computeIfAbsent("amounts", k -> new ArrayList<>())
              .add("coalesce(c.amount_%1$d, 0)::double as amount_%1$d".formatted(column));
        }
      }
      partColumn.put(p.key(), column);
      bySex |= p.definition().bySex();
      residenceSplit |= p.definition().residenceSplit();
    }
    Map<String, String> slots = new HashMap<>();
    // a distinct pass reads the fact's rows from its keyed CTE, persons by an integer
    boolean persons = PERSON_KEY.equals(rows.counted());
    String fact = rows.counted() == null ? SqlFile.identifier(rows.fact()) : "keyed";
    slots.put("rows", SqlFile.load(rows.reference().template()).render(Map.of("fact", fact)));
    slots.put(
        "residence",
        residenceSplit
            ? "case when grouping(residence) = 1 then 'all' else residence end"
            : "'all'");
    slots.put("sex", bySex ? "case when grouping(sex_code) = 1 then '0' else sex_code end" : "'0'");
    slots.put("grouped_residence", residenceSplit ? "grouping(residence)" : "1");
    slots.put("grouped_sex", bySex ? "grouping(sex_code)" : "1");
    String sql;
    if (rows.counted() == null) {
      slots.put("aggregates", String.join(",\n        ", aggregates));
      slots.put("grouping_sets", groupingSets("cell_year", bySex, residenceSplit, ""));
      sql = SqlFile.load(TEMPLATE).render(slots);
    } else {
      slots.put(
          "keyed",
          persons
              ? SqlFile.load(PERSON_IDS).render(Map.of("fact", SqlFile.identifier(rows.fact())))
              : "select * from " + SqlFile.identifier(rows.fact()));
      slots.put("counted", persons ? "person_id" : rows.counted());
      slots.put("fact", SqlFile.identifier(rows.fact()));
      slots.put("first_year", Integer.toString(years.firstYear()));
      slots.put("last_year", Integer.toString(years.lastYear()));
      distinct.forEach((slot, entries) -> slots.put(slot, String.join(",\n        ", entries)));
      slots.put("grouping_sets", groupingSets("cell_year", bySex, residenceSplit, ""));
      slots.put("grouping_sets_counted", groupingSets("chunk", bySex, residenceSplit, ", counted"));
      sql = SqlFile.load(DISTINCT_TEMPLATE).render(slots);
    }
    LOG.trace("{}:\n{}", rows, sql);
    for (PartOf p : parts) {
      tallies.put(p.key(), new HashMap<>());
    }
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      // the parameters are the reference rule's
      ps.setInt(1, years.firstYear());
      ps.setInt(2, years.lastYear());
      ps.setInt(3, rows.yearOffset());
      ps.setInt(4, rows.windowYears());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Cell cell = new Cell(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4));
          long base = rs.getLong(5);
          boolean setWithResidence = rs.getInt(6) == 0;
          boolean setWithSex = rs.getInt(7) == 0;
          for (PartOf p : parts) {
            // a part keeps the grouping sets of its own indicator, as if it were counted alone
            if (setWithResidence && !p.definition().residenceSplit()
                || setWithSex && !p.definition().bySex()) {
              continue;
            }
            int column = partColumn.get(p.key());
            Object amount = rs.getObject("amount_" + column);
            tallies
                .get(p.key())
                .put(
                    cell,
                    new Tally(
                        amount == null ? null : ((Number) amount).doubleValue(),
                        rs.getLong("records_" + column),
                        base));
          }
        }
      }
    } catch (SQLException e) {
      throw new SQLException(
          "indicators reading "
              + rows.fact()
              + " ("
              + parts.get(0).source()
              + " and others): "
              + e.getMessage(),
          e);
    }
  }

  /**
   * The union of the grouping sets of the parts' indicators (IndicatorEngine's, per part), each
   * starting with {@code years} (the year, or a distinct pass's chunk of years) and ending with
   * {@code also} (the counted value of a distinct pass).
   */
  private static String groupingSets(
      String years, boolean bySex, boolean residenceSplit, String also) {
    List<String> sets = new ArrayList<>();
    sets.add("(" + years + ", cell_area, cell_level" + also + ")");
    if (bySex) {
      sets.add("(" + years + ", cell_area, cell_level, sex_code" + also + ")");
    }
    if (residenceSplit) {
      sets.add("(" + years + ", cell_area, cell_level, residence" + also + ")");
    }
    if (bySex && residenceSplit) {
      sets.add("(" + years + ", cell_area, cell_level, residence, sex_code" + also + ")");
    }
    return String.join(", ", sets);
  }
}
