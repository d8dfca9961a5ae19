package wds.warehouse.model;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import wds.schemas.sql.SqlFile;

/**
 * The data-quality gate: runs the tests declared beside every model (keys unique and not null,
 * every area and sex in its dimension, non-negative counts, denominators) against a built
 * warehouse, and checks that no text column anywhere holds an identity number.
 */
public final class ModelTests {

  private static final Logger LOG = LoggerFactory.getLogger(ModelTests.class);

  private static final String ROOT = "wds/warehouse/tests/";
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final ModelCatalog models;

  public ModelTests(ModelCatalog models) {
    this.models = models;
  }

  public ModelTests() {
    this(ModelCatalog.load());
  }

  /**
   * What fails in the warehouse held by {@code catalog} (its {@code main} schema): one message per
   * failing test, naming the model, the test and the number of rows at fault; empty when all pass.
   *
   * <p>Every test is the same query as when each ran alone, and all of them run as one statement (a
   * {@code union all} of their counts) instead of some 600 queries, which took 10-25% less CPU on
   * the default county (NIGHTLY-SPEED.md, "Build CPU, branch build-fast"). When that statement
   * fails in any way, the tests run one by one, so a test that cannot run fails the gate with the
   * very error it gave before.
   */
  public List<String> failures(Connection conn, String catalog) throws SQLException {
    try {
      return together(conn, catalog);
    } catch (SQLException | RuntimeException e) {
      // the one-by-one run gives the failing test's own error; this line says why it ran
      LOG.info(
          "model tests run one by one: the single statement failed ({})", e.getClass().getName());
      return oneByOne(conn, catalog);
    }
  }

  /** The failures found by one statement counting every test's rows at fault. */
  List<String> together(Connection conn, String catalog) throws SQLException {
    String quoted = SqlFile.quote(catalog);
    Set<String> tables = new HashSet<>();
    try (PreparedStatement ps = conn.prepareStatement(SqlFile.load(ROOT + "tables.sql").sql())) {
      ps.setString(1, catalog);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
    }
    // each entry: the message of a failure, or a check whose rows at fault its queries count
    List<Object> outcomes = new ArrayList<>();
    List<Count> counts = new ArrayList<>();
    for (Model model : models.models()) {
      if (!tables.contains(model.name())) {
        outcomes.add(model.name() + ": table missing from " + catalog);
        continue;
      }
      for (ModelTest test : model.tests()) {
        Check check = new Check(model.name() + ": " + test.describe() + " fails for ", " rows");
        outcomes.add(check);
        for (Count count : queries(quoted, model.name(), test)) {
          counts.add(count.of(check));
        }
      }
    }
    for (String[] column : textColumns(conn, catalog)) {
      Check check =
          new Check(column[0] + ": " + column[1] + " holds ", " identity-number-like values");
      outcomes.add(check);
      counts.add(new Count(identityQuery(quoted, column), List.of(), check));
    }
    long[] rows = count(conn, counts);
    Map<Check, Long> byCheck = new HashMap<>();
    for (int i = 0; i < counts.size(); i++) {
      byCheck.merge(counts.get(i).check(), rows[i], Long::sum);
    }
    List<String> failures = new ArrayList<>();
    for (Object outcome : outcomes) {
      if (outcome instanceof Check check) {
        long n = byCheck.getOrDefault(check, 0L);
        if (n > 0) {
          failures.add(check.before() + n + check.after());
        }
      } else {
        failures.add((String) outcome);
      }
    }
    return failures;
  }

  /** The failures found by one query per test (and per column), in the same order. */
  List<String> oneByOne(Connection conn, String catalog) throws SQLException {
    String quoted = SqlFile.quote(catalog);
    List<String> failures = new ArrayList<>();
    for (Model model : models.models()) {
      if (!exists(conn, catalog, model.name())) {
        failures.add(model.name() + ": table missing from " + catalog);
        continue;
      }
      for (ModelTest test : model.tests()) {
        long rows = 0;
        for (Count query : queries(quoted, model.name(), test)) {
          rows += count(conn, query.sql(), query.params().toArray(String[]::new));
        }
        if (rows > 0) {
          failures.add(model.name() + ": " + test.describe() + " fails for " + rows + " rows");
        }
      }
    }
    for (String[] column : textColumns(conn, catalog)) {
      long rows = count(conn, identityQuery(quoted, column));
      if (rows > 0) {
        failures.add(
            column[0] + ": " + column[1] + " holds " + rows + " identity-number-like values");
      }
    }
    return failures;
  }

  /**
   * A failure's message around its number of rows. A class, not a record: two tests declared alike
   * are two checks, each counted on its own.
   */
  private static final class Check {
    private final String before;
    private final String after;

    Check(String before, String after) {
      this.before = before;
      this.after = after;
    }

    String before() {
      return before;
    }

    String after() {
      return after;
    }
  }

  /** A query counting rows at fault, its bound values, and the check it counts for. */
  private record Count(String sql, List<String> params, Check check) {
    Count of(Check check) {
      return new Count(sql, params, check);
    }
  }

  private static boolean exists(Connection conn, String catalog, String table) throws SQLException {
    return count(conn, SqlFile.load(ROOT + "table_exists.sql").sql(), catalog, table) > 0;
  }

  /** The queries whose counts, summed, are a test's rows at fault (one per column or one). */
  private static List<Count> queries(String catalog, String model, ModelTest test) {
    String table = table(catalog, model);
    SqlFile template = SqlFile.load(ROOT + test.kind() + ".sql");
    return switch (test.kind()) {
      case "unique" ->
          List.of(
              query(
                  template.render(
                      Map.of(
                          "model",
                          table,
                          "columns",
                          String.join(
                              ", ", test.columns().stream().map(SqlFile::identifier).toList())))));
      case "not_null", "non_negative" ->
          test.columns().stream()
              .map(
                  column ->
                      query(
                          template.render(
                              Map.of("model", table, "column", SqlFile.identifier(column)))))
              .toList();
      case "relationships" ->
          List.of(
              query(
                  template.render(
                      Map.of(
                          "model", table,
                          "column", SqlFile.identifier(test.column()),
                          "to", table(catalog, test.to()),
                          "field", SqlFile.identifier(test.field())))));
      case "accepted_values" ->
          List.of(
              new Count(
                  template.render(
                      Map.of("model", table, "column", SqlFile.identifier(test.column()))),
                  List.of(JSON.writeValueAsString(test.values())),
                  null));
      case "expression" ->
          List.of(
              query(
                  template.render(
                      Map.of(
                          "model",
                          table,
                          "expression",
                          SqlFile.expression(model + ".yml", test.expression())))));
      default -> throw new IllegalStateException("unknown test " + test.kind());
    };
  }

  private static Count query(String sql) {
    return new Count(sql, List.of(), null);
  }

  /** Every text column of every table in the catalog: table and column names. */
  private static List<String[]> textColumns(Connection conn, String catalog) throws SQLException {
    List<String[]> columns = new ArrayList<>();
    try (PreparedStatement ps =
        conn.prepareStatement(SqlFile.load(ROOT + "text_columns.sql").sql())) {
      ps.setString(1, catalog);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
    }
    return columns;
  }

  /** The query counting a text column's identity-number-like values. */
  private static String identityQuery(String quotedCatalog, String[] column) {
    return SqlFile.load(ROOT + "no_identity_numbers.sql")
        .render(
            Map.of(
                "model", table(quotedCatalog, column[0]), "column", SqlFile.identifier(column[1])));
  }

  /**
   * The counts of {@code queries}, in their order, from one statement: each query's one number
   * beside its position, the queries joined by {@code union all}, their bound values in order.
   */
  private static long[] count(Connection conn, List<Count> queries) throws SQLException {
    long[] rows = new long[queries.size()];
    if (queries.isEmpty()) {
      return rows;
    }
    StringBuilder sql = new StringBuilder();
    List<String> params = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      if (i > 0) {
        sql.append("\nunion all\n");
      }
      sql.append("select ").append(i).append(" as test, * from (\n");
      sql.append(withoutComments(queries.get(i).sql())).append("\n)");
      params.addAll(queries.get(i).params());
    }
    boolean[] seen = new boolean[queries.size()];
    try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
      for (int i = 0; i < params.size(); i++) {
        ps.setString(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int test = rs.getInt(1);
          rows[test] = rs.getLong(2);
          seen[test] = true;
        }
      }
    }
    for (int i = 0; i < seen.length; i++) {
      if (!seen[i]) {
        throw new IllegalStateException("no count for " + queries.get(i).sql());
      }
    }
    return rows;
  }

  private static String withoutComments(String sql) {
    return sql.lines()
        .filter(line -> !line.stripLeading().startsWith("--"))
        .collect(Collectors.joining("\n"));
  }

  private static String table(String quotedCatalog, String name) {
    return quotedCatalog + ".main." + SqlFile.identifier(name);
  }

  private static long count(Connection conn, String sql, String... params) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
