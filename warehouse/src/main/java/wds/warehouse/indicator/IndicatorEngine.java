package wds.warehouse.indicator;

import java.math.BigDecimal;
import java.math.MathContext;
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
import wds.warehouse.Plan;

/**
 * The one engine that computes every indicator of a plan's catalogue: a computed indicator from its
 * definition file (numerator and denominator as declarative queries over the facts), a reported one
 * from the departments' returns; then the value in its unit, the 95% interval, the status against
 * the plan's target and whether it is provisional. Adding an indicator adds files, not code.
 */
public final class IndicatorEngine {

  private static final Logger LOG = LoggerFactory.getLogger(IndicatorEngine.class);
  private static final String ENGINE = "wds/warehouse/engine/";
  private static final List<String> ALL = List.of("0");
  private static final List<String> BY_SEX = List.of("2", "1", "0");
  private static final String NUMERATOR = "numerator";
  private static final String DENOMINATOR = "denominator";
  private static final String PROVISIONAL_WHEN = "provisional_when";
  // part_cells.sql's cell columns where a grouping set may leave residence or sex out
  private static final String RESIDENCE_GROUPED =
      "case when grouping(residence) = 1 then 'all' else residence end";
  private static final String SEX_GROUPED =
      "case when grouping(sex_code) = 1 then '0' else sex_code end";

  /**
   * How the parts of the computed indicators are read from the facts. Both give the same tallies;
   * {@link #PER_FACT} is the nightly's, {@link #PER_PART} the earlier way, kept as the reference
   * that the build comparison (BuildComparisonTest) checks the other against.
   */
  public enum Passes {
    /**
     * One query per fact and reference rule for all the parts reading it, and one for its distinct
     * counts of one thing ({@link FactPasses}).
     */
    PER_FACT,
    /** One query per part ({@code part_cells.sql}). */
    PER_PART
  }

  private final Plan plan;
  private final IndicatorCatalogue catalogue;
  private final IndicatorDefinitions definitions;
  private final Passes passes;

  public IndicatorEngine(
      Plan plan, IndicatorCatalogue catalogue, IndicatorDefinitions definitions) {
    this(plan, catalogue, definitions, Passes.PER_FACT);
  }

  public IndicatorEngine(
      Plan plan, IndicatorCatalogue catalogue, IndicatorDefinitions definitions, Passes passes) {
    this.plan = plan;
    this.catalogue = catalogue;
    this.definitions = definitions;
    this.passes = passes;
  }

  /**
   * Every value of every indicator, for the years of the build and the county and its townships,
   * read from the models of the warehouse the connection's search path points at.
   */
  public List<IndicatorValue> compute(Connection conn, BuildYears years, List<Area> areas)
      throws SQLException {
    Map<String, IndicatorDefinition> computed = new HashMap<>();
    List<FactPasses.PartOf> parts = new ArrayList<>();
    for (CatalogueEntry entry : catalogue.entries()) {
      if (entry.basis() == Basis.COMPUTED) {
        IndicatorDefinition def = definitions.load(entry);
        computed.put(entry.code(), def);
        parts.add(new FactPasses.PartOf(def, NUMERATOR, def.numerator()));
        if (def.denominator() != null) {
          parts.add(new FactPasses.PartOf(def, DENOMINATOR, def.denominator()));
        }
        if (def.provisionalWhen() != null) {
          parts.add(new FactPasses.PartOf(def, PROVISIONAL_WHEN, def.provisionalWhen()));
        }
      }
    }
    Map<String, Map<Cell, Tally>> tallies = new HashMap<>();
    if (passes == Passes.PER_FACT) {
      tallies.putAll(FactPasses.tally(conn, parts, years));
    }
    for (FactPasses.PartOf p : parts) {
      if (!tallies.containsKey(p.key())) {
        tallies.put(p.key(), tally(conn, p.definition(), p.part(), years));
      }
    }
    List<IndicatorValue> values = new ArrayList<>();
    for (CatalogueEntry entry : catalogue.entries()) {
      List<Raw> raws =
          entry.basis() == Basis.COMPUTED
              ? computed(entry, computed.get(entry.code()), tallies, years, areas)
              : reported(conn, entry, years, areas);
      values.addAll(judge(entry, raws));
    }
    return values;
  }

  /** A value before its judgement: the cell, its figures and the exact value. */
  private record Raw(
      Cell cell,
      Double numerator,
      Double denominator,
      BigDecimal value,
      Interval interval,
      boolean provisional,
      Double events,
      boolean delivered) {}

  private List<Raw> computed(
      CatalogueEntry entry,
      IndicatorDefinition def,
      Map<String, Map<Cell, Tally>> tallies,
      BuildYears years,
      List<Area> areas) {
    Map<Cell, Tally> numerator = tallies.get(FactPasses.PartOf.key(def, NUMERATOR));
    Map<Cell, Tally> denominator =
        def.denominator() == null ? null : tallies.get(FactPasses.PartOf.key(def, DENOMINATOR));
    Map<Cell, Tally> pending =
        def.provisionalWhen() == null
            ? null
            : tallies.get(FactPasses.PartOf.key(def, PROVISIONAL_WHEN));
    // the sources "delivered nothing" for a year when the part that sizes the indicator (the
    // denominator, or a count's numerator) has no row of that year in the county
    Map<Cell, Tally> sizing = denominator == null ? numerator : denominator;
    List<Raw> raws = new ArrayList<>();
    for (int year = years.firstYear(); year <= years.lastYear(); year++) {
      boolean delivered = false;
      for (Area area : areas) {
        Tally t = area.county() ? sizing.get(new Cell(year, area.code(), "all", "0")) : null;
        delivered |= t != null && t.base() > 0;
      }
      for (Cell cell : cells(year, areas, def.townships(), def.residenceSplit(), def.bySex())) {
        Double num = amount(numerator.get(cell), def.numerator());
        Double den = denominator == null ? null : amount(denominator.get(cell), def.denominator());
        BigDecimal value = null;
        if (delivered && denominator == null && num != null) {
          value = BigDecimal.valueOf(num).multiply(def.factor());
        } else if (delivered && num != null && den != null && den != 0) {
          value =
              BigDecimal.valueOf(num)
                  .multiply(def.factor())
                  .divide(BigDecimal.valueOf(den), MathContext.DECIMAL128);
        }
        Interval interval =
            value == null || denominator == null
                ? null
                : Interval.of(def.interval(), num, den, def.factor().doubleValue());
        Tally pendingTally = pending == null ? null : pending.get(cell);
        boolean provisional =
            year >= years.provisionalFromYear()
                || (pendingTally != null
                    && pendingTally.amount() != null
                    && pendingTally.amount() > 0);
        Double events =
            def.numerator().aggregate().counts()
                ? num
                : def.denominator() != null && def.denominator().aggregate().counts() ? den : null;
        raws.add(
            // a count of nothing delivered is no count; a ratio keeps its numerator in sight
            new Raw(
                cell,
                denominator == null && !delivered ? null : num,
                den,
                value,
                interval,
                provisional,
                events,
                delivered));
      }
    }
    return raws;
  }

  /** The cells of one year: areas by level, urban/rural at county level, sexes. */
  private static List<Cell> cells(
      int year, List<Area> areas, boolean townships, boolean residenceSplit, boolean bySex) {
    List<Cell> cells = new ArrayList<>();
    for (Area area : areas) {
      if (!area.county() && !townships) {
        continue;
      }
      List<String> residences =
          area.county() && residenceSplit ? List.of("all", "urban", "rural") : List.of("all");
      for (String residence : residences) {
        for (String sex : bySex ? BY_SEX : ALL) {
          cells.add(new Cell(year, area.code(), residence, sex));
        }
      }
    }
    return cells;
  }

  /** A part's amount in a cell: no rows count zero, but a mean of no rows has no value. */
  private static Double amount(Tally tally, Part part) {
    if (tally == null || tally.amount() == null) {
      return part.aggregate().kind() == Aggregate.Kind.MEAN ? null : 0.0;
    }
    return tally.amount();
  }

  /**
   * The grouping sets of part_cells.sql for an indicator's cells: every cell groups by year and
   * area (with its level), the by-sex cells also by sex, the urban/rural cells by residence. Only
   * the sets the indicator reports are computed: each distinct count is a pass over the rows.
   */
  private static String groupingSets(IndicatorDefinition def) {
    List<String> sets = new ArrayList<>();
    sets.add("(cell_year, cell_area, cell_level)");
    if (def.bySex()) {
      sets.add("(cell_year, cell_area, cell_level, sex_code)");
    }
    if (def.residenceSplit()) {
      sets.add("(cell_year, cell_area, cell_level, residence)");
    }
    if (def.bySex() && def.residenceSplit()) {
      sets.add("(cell_year, cell_area, cell_level, residence, sex_code)");
    }
    return String.join(", ", sets);
  }

  /**
   * A mean part as a sum: per cell, the sum of the part's expression ({@link Tally#amount}) over
   * its rows ({@link Tally#records}). A region sums these over its counties so that a mean above
   * the county (a mean wage) comes from summed totals and headcounts, never from averaged means.
   */
  public Map<Cell, Tally> sumOfMean(
      Connection conn, IndicatorDefinition def, Part part, BuildYears years) throws SQLException {
    Part summed =
        new Part(
            part.fact(),
            part.reference(),
            part.yearOffset(),
            part.windowYears(),
            part.where(),
            new Aggregate(Aggregate.Kind.SUM, part.aggregate().expression()));
    return tally(conn, def, summed, years);
  }

  /** Runs one part: its rows per year (the reference rule), aggregated per cell. */
  private Map<Cell, Tally> tally(
      Connection conn, IndicatorDefinition def, Part part, BuildYears years) throws SQLException {
    String source = "indicator " + def.code() + " (" + part.fact() + ")";
    String rows =
        SqlFile.load(part.reference().template())
            .render(Map.of("fact", SqlFile.identifier(part.fact())));
    String cells =
        SqlFile.load(ENGINE + "part_cells.sql")
            .render(
                Map.of(
                    "rows",
                    rows,
                    "aggregate",
                    part.aggregate().sql(source),
                    "where",
                    SqlFile.expression(source, part.where()),
                    "grouping_sets",
                    groupingSets(def),
                    "residence",
                    def.residenceSplit() ? RESIDENCE_GROUPED : "'all'",
                    "sex",
                    def.bySex() ? SEX_GROUPED : "'0'"));
    Map<Cell, Tally> tallies = new HashMap<>();
    long t0 = System.nanoTime();
    try (PreparedStatement ps = conn.prepareStatement(cells)) {
      // the parameters are the reference rule's
      ps.setInt(1, years.firstYear());
      ps.setInt(2, years.lastYear());
      ps.setInt(3, part.yearOffset());
      ps.setInt(4, part.windowYears());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Object amount = rs.getObject(5);
          tallies.put(
              new Cell(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)),
              new Tally(
                  amount == null ? null : ((Number) amount).doubleValue(),
                  rs.getLong(6),
                  rs.getLong(7)));
        }
      }
    } catch (SQLException e) {
      throw new SQLException(source + ": " + e.getMessage(), e);
    }
    LOG.debug("{} in {} ms", source, (System.nanoTime() - t0) / 1_000_000);
    return tallies;
  }

  private List<Raw> reported(
      Connection conn, CatalogueEntry entry, BuildYears years, List<Area> areas)
      throws SQLException {
    Map<Cell, double[]> returns = new LinkedHashMap<>();
    Map<Cell, boolean[]> present = new HashMap<>();
    try (PreparedStatement ps =
        conn.prepareStatement(SqlFile.load(ENGINE + "reported.sql").sql())) {
      ps.setString(1, entry.code());
      ps.setInt(2, years.firstYear());
      ps.setInt(3, years.lastYear());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Cell cell = new Cell(rs.getInt(1), rs.getString(2), "all", rs.getString(3));
          double[] figures = new double[3];
          boolean[] has = new boolean[3];
          for (int i = 0; i < 3; i++) {
            Object figure = rs.getObject(4 + i);
            has[i] = figure != null;
            figures[i] = figure == null ? 0 : ((Number) figure).doubleValue();
          }
          returns.put(cell, figures);
          present.put(cell, has);
        }
      }
    }
    // every year has a county row (no return: no data), and every returned cell its row
    List<Cell> cells = new ArrayList<>();
    for (int year = years.firstYear(); year <= years.lastYear(); year++) {
      for (Area area : areas) {
        if (area.county()) {
          for (String sex : entry.bySex() ? BY_SEX : ALL) {
            cells.add(new Cell(year, area.code(), "all", sex));
          }
        }
      }
    }
    returns.keySet().stream().filter(c -> !cells.contains(c)).forEach(cells::add);
    IntervalMethod method = entry.unit().interval();
    double factor = entry.unit().factor().doubleValue();
    List<Raw> raws = new ArrayList<>();
    for (Cell cell : cells) {
      double[] figures = returns.get(cell);
      boolean[] has = present.get(cell);
      boolean returned = figures != null;
      Double num = returned && has[0] ? figures[0] : null;
      Double den = returned && has[1] ? figures[1] : null;
      BigDecimal value = returned && has[2] ? BigDecimal.valueOf(figures[2]) : null;
      Interval interval =
          value != null && num != null && den != null
              ? Interval.of(method, num, den, factor)
              : null;
      raws.add(
          new Raw(
              cell,
              num,
              den,
              value,
              interval,
              cell.year() >= years.provisionalFromYear(),
              num,
              returned));
    }
    return raws;
  }

  /** Judges each value against the plan's target, up/down against the baseline year's value. */
  private List<IndicatorValue> judge(CatalogueEntry entry, List<Raw> raws) {
    Map<List<String>, BigDecimal> baseline = new HashMap<>();
    for (Raw raw : raws) {
      if (raw.cell().year() == plan.baselineYear() && raw.value() != null) {
        baseline.put(series(raw.cell()), raw.value());
      }
    }
    Target target = entry.target();
    List<IndicatorValue> values = new ArrayList<>();
    for (Raw raw : raws) {
      Status status;
      if (raw.value() == null) {
        status = Status.NO_DATA;
      } else if (target.op() == TargetOp.MONITOR) {
        status = Status.NO_TARGET;
      } else if (target.op().relative()) {
        BigDecimal base = baseline.get(series(raw.cell()));
        status =
            raw.cell().year() == plan.baselineYear() || base == null
                ? Status.NO_TARGET
                : target.op().meets(raw.value(), base, target.tolerance())
                    ? Status.MET
                    : Status.NOT_MET;
      } else {
        status =
            target.op().meets(raw.value(), target.value(), target.tolerance())
                ? Status.MET
                : Status.NOT_MET;
      }
      values.add(
          new IndicatorValue(
              entry.code(),
              raw.cell(),
              raw.numerator(),
              raw.denominator(),
              raw.value() == null ? null : raw.value().doubleValue(),
              raw.interval(),
              target.op(),
              target.value() == null ? null : target.value().doubleValue(),
              status,
              entry.basis(),
              raw.provisional(),
              raw.events(),
              raw.delivered()));
    }
    return values;
  }

  /** The series a cell belongs to: the same area, residence and sex over the years. */
  static List<String> series(Cell cell) {
    return List.of(cell.areaCode(), cell.residence(), cell.sex());
  }
}
