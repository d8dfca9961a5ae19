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
   * <p>Every test counts the same rows as when it ran alone, and all of them run as one statement
   * (a {@code union all}): the tests that judge each row on its own (not_null, non_negative,
   * accepted_values, expression, the identity-number check) as one scan per table that counts every
   * condition of the table at once, unique and relationships as a query each (NIGHTLY-SPEED.md,
   * "Build CPU, branch build-fast" and "branch gates-fast"). When that statement fails in any way,
   * the tests run one by one, so a test that cannot run fails the gate with the very error it gave
   * before.
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
    for (Model model : tables(models)) {
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
      counts.add(identityCount(quoted, column).of(check));
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
    for (Model model : tables(models)) {
      if (!exists(conn, catalog, model.name())) {
        failures.add(model.name() + ": table missing from " + catalog);
        continue;
      }
      for (ModelTest test : model.tests()) {
        long rows = 0;
        for (Count query : queries(quoted, model.name(), test)) {
          rows += count(conn, query.query(), query.params().toArray(String[]::new));
        }
        if (rows > 0) {
          failures.add(model.name() + ": " + test.describe() + " fails for " + rows + " rows");
        }
      }
    }
    for (String[] column : textColumns(conn, catalog)) {
      long rows = count(conn, identityCount(quoted, column).query());
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

  /**
   * What counts rows at fault: a condition on the rows of {@code table} (counted with the table's
   * other conditions in one scan), or, when {@code table} is null, a query of its own; its bound
   * values, and the check it counts for.
   */
  private record Count(String table, String sql, List<String> params, Check check) {
    Count of(Check check) {
      return new Count(table, sql, params, check);
    }

    /** The test run alone: the query, or the count of the table's rows at fault. */
    String query() {
      return table == null
          ? sql
          : SqlFile.load(ROOT + "rows_at_fault.sql")
              .render(Map.of("model", table, "condition", sql));
    }
  }

  /** The models that are tables of the snapshot: a view is not in it and has no tests. */
  private static List<Model> tables(ModelCatalog models) {
    return models.models().stream().filter(model -> !model.view()).toList();
  }

  private static boolean exists(Connection conn, String catalog, String table) throws SQLException {
    return count(conn, SqlFile.load(ROOT + "table_exists.sql").sql(), catalog, table) > 0;
  }

  /**
   * What counts a test's rows at fault, summed: a query (unique, relationships), or one condition
   * on the model's rows per column (not_null, non_negative) or one (accepted_values, expression).
   */
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
                      condition(
                          table,
                          template
                              .withoutComments()
                              .render(Map.of("column", SqlFile.identifier(column))),
                          List.of()))
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
              condition(
                  table,
                  template
                      .withoutComments()
                      .render(Map.of("column", SqlFile.identifier(test.column()))),
                  List.of(JSON.writeValueAsString(test.values()))));
      case "expression" ->
          List.of(
              condition(
                  table,
                  template
                      .withoutComments()
                      .render(
                          Map.of(
                              "expression", SqlFile.expression(model + ".yml", test.expression()))),
                  List.of()));
      default -> throw new IllegalStateException("unknown test " + test.kind());
    };
  }

  private static Count query(String sql) {
    return new Count(null, sql, List.of(), null);
  }

  private static Count condition(String table, String condition, List<String> params) {
    return new Count(table, condition, params, null);
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

  /** The condition of a text column's identity-number-like values. */
  private static Count identityCount(String quotedCatalog, String[] column) {
    return condition(
        table(quotedCatalog, column[0]),
        SqlFile.load(ROOT + "no_identity_numbers.sql")
            .withoutComments()
            .render(Map.of("column", SqlFile.identifier(column[1]))),
        List.of());
  }

  /**
   * The counts of {@code queries}, in their order, from one statement: each query's one number, and
   * each table's conditions as one list counted in one scan of the table, beside the position of
   * the branch; the branches joined by {@code union all}, their bound values in order.
   */
  private static long[] count(Connection conn, List<Count> queries) throws SQLException {
    long[] rows = new long[queries.size()];
    if (queries.isEmpty()) {
      return rows;
    }
    // the branches: a query alone, or every condition on one table (in the order of queries)
    List<List<Integer>> branches = new ArrayList<>();
    Map<String, List<Integer>> byTable = new HashMap<>();
    for (int i = 0; i < queries.size(); i++) {
      String table = queries.get(i).table();
      List<Integer> branch = table == null ? null : byTable.get(table);
      if (branch == null) {
        branch = new ArrayList<>();
        branches.add(branch);
        if (table != null) {
          byTable.put(table, branch);
        }
      }
      branch.add(i);
    }
    List<String> statements = new ArrayList<>();
    List<String> params = new ArrayList<>();
    SqlFile branchFile = SqlFile.load(ROOT + "count_branch.sql").withoutComments();
    for (int b = 0; b < branches.size(); b++) {
      List<Integer> branch = branches.get(b);
      Count first = queries.get(branch.get(0));
      String counts;
      if (first.table() == null) {
        counts =
            SqlFile.load(ROOT + "query_count.sql")
                .withoutComments()
                .render(Map.of("query", withoutComments(first.sql())));
        params.addAll(first.params());
      } else {
        List<String> filters = new ArrayList<>();
        for (int i : branch) {
          filters.add("count(*) filter (where " + queries.get(i).sql() + ")");
          params.addAll(queries.get(i).params());
        }
        counts =
            SqlFile.load(ROOT + "conditions.sql")
                .withoutComments()
                .render(Map.of("model", first.table(), "counts", String.join(",\n", filters)));
      }
      statements.add(branchFile.render(Map.of("branch", Integer.toString(b), "counts", counts)));
    }
    String sql = String.join("\nunion all\n", statements);
    boolean[] seen = new boolean[branches.size()];
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        ps.setString(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int b = rs.getInt(1);
          Object[] counts = (Object[]) rs.getArray(2).getArray();
          List<Integer> branch = branches.get(b);
          if (counts.length != branch.size()) {
            throw new IllegalStateException(
                counts.length + " counts for " + branch.size() + " conditions");
          }
          for (int k = 0; k < counts.length; k++) {
            rows[branch.get(k)] = ((Number) counts[k]).longValue();
          }
          seen[b] = true;
        }
      }
    }
    for (int b = 0; b < seen.length; b++) {
      if (!seen[b]) {
        throw new IllegalStateException(
            "no count for " + queries.get(branches.get(b).get(0)).query());
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
