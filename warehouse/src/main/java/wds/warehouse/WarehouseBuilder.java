package wds.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import wds.schemas.sql.SqlFile;
import wds.warehouse.indicator.Area;
import wds.warehouse.indicator.BuildYears;
import wds.warehouse.indicator.IndicatorCatalogue;
import wds.warehouse.indicator.IndicatorDefinitions;
import wds.warehouse.indicator.IndicatorEngine;
import wds.warehouse.indicator.IndicatorValue;
import wds.warehouse.indicator.IndicatorWriter;
import wds.warehouse.model.Model;
import wds.warehouse.model.ModelCatalog;
import wds.warehouse.warning.EarlyWarnings;
import wds.warehouse.warning.IndicatorWarning;

/**
 * Builds the women's development statistics database of a plan: runs every SQL model in order
 * (staging, dimensions, facts, mart) into a target catalog, then computes the indicators and their
 * early warnings into it. Reads the operational layer ({@code ods_*}) and the load audit ({@code
 * etl_delivery}) from the connection's default catalog; writes only to the target.
 */
public final class WarehouseBuilder {

  private static final Logger LOG = LoggerFactory.getLogger(WarehouseBuilder.class);
  private static final String ENGINE = "wds/warehouse/engine/";

  private final Plan plan;
  private final ModelCatalog models;
  private final IndicatorEngine.Passes passes;

  public WarehouseBuilder(Plan plan) {
    this(plan, ModelCatalog.load());
  }

  public WarehouseBuilder(Plan plan, ModelCatalog models) {
    this(plan, models, IndicatorEngine.Passes.PER_FACT);
  }

  /**
   * A builder whose engine reads the facts as {@code passes} says (the nightly reads them per fact;
   * the build comparison also per part, the earlier way, to prove both equal).
   */
  public WarehouseBuilder(Plan plan, ModelCatalog models, IndicatorEngine.Passes passes) {
    this.plan = plan;
    this.models = models;
    this.passes = passes;
  }

  /**
   * Builds every model table in {@code targetCatalog.main} (an attached database, e.g. {@code
   * ATTACH 'x.duckdb' AS snap}) from the ods_* and etl_* tables of the connection's default
   * catalog, as of the day {@code asOf} (no data year after its year). The connection's search path
   * is restored afterwards.
   */
  public BuildResult build(Connection conn, String targetCatalog, LocalDate asOf)
      throws SQLException {
    return build(conn, targetCatalog, asOf, BuildSteps.NONE);
  }

  /** {@link #build(Connection, String, LocalDate)}, telling {@code steps} as each part ends. */
  public BuildResult build(Connection conn, String targetCatalog, LocalDate asOf, BuildSteps steps)
      throws SQLException {
    String source = single(conn, "select current_database()");
    String previousPath = single(conn, "select current_setting('search_path')");
    // models name their inputs unqualified: the target first (where tables are created and
    // upstream models live), then the operational layer
    setSearchPath(conn, SqlFile.quote(targetCatalog) + ".main," + SqlFile.quote(source) + ".main");
    try {
      execute(conn, SqlFile.load(ENGINE + "macros.sql").sql());
      int built = 0;
      List<Model> ordered = models.models();
      for (int i = 0; i < ordered.size(); i++) {
        Model model = ordered.get(i);
        long start = System.nanoTime();
        if (model.engineTable()) {
          execute(conn, model.sql());
        } else if (model.view()) {
          // a temporary view of this connection, found first by the search path and gone from
          // the snapshot; it is dropped when the build ends
          execute(
              conn,
              "create or replace temp view "
                  + SqlFile.identifier(model.name())
                  + " as "
                  + model.sql());
        } else {
          createTable(conn, model, asOf);
        }
        built++;
        LOG.info("built {} in {} ms", model.name(), (System.nanoTime() - start) / 1_000_000);
        if (i + 1 == ordered.size() || !ordered.get(i + 1).layer().equals(model.layer())) {
          steps.finished("models: " + model.layer());
          // Written out layer by layer: without it, the tables just built held DuckDB's memory
          // until the end of the build, and mart_sex_age ran out of a 1 GB memory_limit that it
          // fits in with the facts on disk (measured: warehouse/NIGHTLY-SPEED.md)
          execute(conn, "CHECKPOINT " + SqlFile.quote(targetCatalog));
          logMemory(conn, "models: " + model.layer());
        }
      }
      long engineStart = System.nanoTime();
      BuildYears years = years(conn);
      List<Area> areas = areas(conn);
      IndicatorCatalogue catalogue = plan.indicators();
      List<IndicatorValue> values =
          new IndicatorEngine(plan, catalogue, new IndicatorDefinitions(models), passes)
              .compute(conn, years, areas);
      LOG.info(
          "computed {} indicator values in {} ms",
          values.size(),
          (System.nanoTime() - engineStart) / 1_000_000);
      steps.finished("indicator engine");
      long warningsStart = System.nanoTime();
      List<IndicatorWarning> warnings = new EarlyWarnings(plan, catalogue, areas).evaluate(values);
      steps.finished("warnings");
      IndicatorWriter writer = new IndicatorWriter(conn, targetCatalog);
      writer.catalogue(plan, catalogue);
      writer.values(values);
      writer.warnings(warnings);
      steps.finished("indicator tables");
      LOG.info(
          "raised {} warnings and wrote the indicator tables in {} ms",
          warnings.size(),
          (System.nanoTime() - warningsStart) / 1_000_000);
      LOG.info(
          "warehouse built for plan {}: {} models, {} indicator values, {} warnings, years {}-{}",
          plan.code(),
          built,
          values.size(),
          warnings.size(),
          years.firstYear(),
          years.lastYear());
      return new BuildResult(
          built, values.size(), warnings.size(), years.firstYear(), years.lastYear());
    } finally {
      try {
        dropViews(conn);
      } catch (SQLException e) {
        // the connection's own views: the build's outcome (or its exception) is what counts
        LOG.warn("the build's staging views could not be dropped: {}", e.getMessage(), e);
      }
      setSearchPath(conn, previousPath);
    }
  }

  private void dropViews(Connection conn) throws SQLException {
    for (Model model : models.models()) {
      if (model.view()) {
        execute(conn, "drop view if exists temp.main." + SqlFile.identifier(model.name()));
      }
    }
  }

  private void createTable(Connection conn, Model model, LocalDate asOf) throws SQLException {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("plan_code", plan.code());
    settings.put("plan_name", plan.name());
    settings.put("baseline_year", plan.baselineYear());
    settings.put("first_plan_year", plan.firstYear());
    settings.put("mid_term_year", plan.midTermYear());
    settings.put("final_year", plan.finalYear());
    settings.put("as_of", asOf);
    String sql =
        "create or replace table " + SqlFile.identifier(model.name()) + " as " + model.sql();
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      int i = 1;
      for (String parameter : model.parameters()) {
        if (!settings.containsKey(parameter)) {
          throw new IllegalStateException(model.name() + ": unknown parameter " + parameter);
        }
        ps.setObject(i++, settings.get(parameter));
      }
      ps.execute();
    } catch (SQLException e) {
      throw new SQLException(
          "model " + model.layer() + "/" + model.name() + " failed: " + e.getMessage(), e);
    }
  }

  /** DuckDB's memory by tag after a part of the build, in the log (what holds the memory limit). */
  private static void logMemory(Connection conn, String after) throws SQLException {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    try (Statement st = conn.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select string_agg(tag || '=' || (memory_usage_bytes // 1048576) || 'MB', ' '"
                    + " order by memory_usage_bytes desc), sum(memory_usage_bytes) // 1048576"
                    + " from duckdb_memory() where memory_usage_bytes > 0")) {
      rs.next();
      LOG.info("duckdb memory after {}: {} MB ({})", after, rs.getLong(2), rs.getString(1));
    }
  }

  private static BuildYears years(Connection conn) throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery(SqlFile.load(ENGINE + "build_years.sql").sql())) {
      rs.next();
      return new BuildYears(rs.getInt(1), rs.getInt(2), rs.getInt(3));
    }
  }

  private static List<Area> areas(Connection conn) throws SQLException {
    List<Area> areas = new ArrayList<>();
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery(SqlFile.load(ENGINE + "areas.sql").sql())) {
      while (rs.next()) {
        areas.add(new Area(rs.getString(1), rs.getString(2), rs.getString(3)));
      }
    }
    return areas;
  }

  private static void setSearchPath(Connection conn, String path) throws SQLException {
    if (path == null || path.isEmpty()) {
      execute(conn, "reset search_path");
      return;
    }
    try (PreparedStatement ps = conn.prepareStatement("set search_path = ?")) {
      ps.setString(1, path);
      ps.execute();
    }
  }

  private static void execute(Connection conn, String sql) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute(sql);
    }
  }

  private static String single(Connection conn, String sql) throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
