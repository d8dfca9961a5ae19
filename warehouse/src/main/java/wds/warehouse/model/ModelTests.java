package wds.warehouse.model;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import wds.schemas.sql.SqlFile;

/**
 * The data-quality gate: runs the tests declared beside every model (keys unique and not null,
 * every area and sex in its dimension, non-negative counts, denominators) against a built
 * warehouse, and checks that no text column anywhere holds an identity number.
 */
public final class ModelTests {

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
   */
  public List<String> failures(Connection conn, String catalog) throws SQLException {
    String quoted = SqlFile.quote(catalog);
    List<String> failures = new ArrayList<>();
    for (Model model : models.models()) {
      if (!exists(conn, catalog, model.name())) {
        failures.add(model.name() + ": table missing from " + catalog);
        continue;
      }
      for (ModelTest test : model.tests()) {
        long rows = run(conn, quoted, model.name(), test);
        if (rows > 0) {
          failures.add(model.name() + ": " + test.describe() + " fails for " + rows + " rows");
        }
      }
    }
    failures.addAll(identityNumbers(conn, catalog));
    return failures;
  }

  private static boolean exists(Connection conn, String catalog, String table) throws SQLException {
    return count(conn, SqlFile.load(ROOT + "table_exists.sql").sql(), catalog, table) > 0;
  }

  private static long run(Connection conn, String catalog, String model, ModelTest test)
      throws SQLException {
    String table = table(catalog, model);
    SqlFile template = SqlFile.load(ROOT + test.kind() + ".sql");
    return switch (test.kind()) {
      case "unique" ->
          count(
              conn,
              template.render(
                  Map.of(
                      "model",
                      table,
                      "columns",
                      String.join(
                          ", ", test.columns().stream().map(SqlFile::identifier).toList()))));
      case "not_null", "non_negative" -> {
        long rows = 0;
        for (String column : test.columns()) {
          rows +=
              count(
                  conn,
                  template.render(Map.of("model", table, "column", SqlFile.identifier(column))));
        }
        yield rows;
      }
      case "relationships" ->
          count(
              conn,
              template.render(
                  Map.of(
                      "model", table,
                      "column", SqlFile.identifier(test.column()),
                      "to", table(catalog, test.to()),
                      "field", SqlFile.identifier(test.field()))));
      case "accepted_values" ->
          count(
              conn,
              template.render(Map.of("model", table, "column", SqlFile.identifier(test.column()))),
              JSON.writeValueAsString(test.values()));
      case "expression" ->
          count(
              conn,
              template.render(
                  Map.of(
                      "model",
                      table,
                      "expression",
                      SqlFile.expression(model + ".yml", test.expression()))));
      default -> throw new IllegalStateException("unknown test " + test.kind());
    };
  }

  /** Every text column of every table in the catalog, scanned for identity-number-like values. */
  private static List<String> identityNumbers(Connection conn, String catalog) throws SQLException {
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
    SqlFile template = SqlFile.load(ROOT + "no_identity_numbers.sql");
    String quoted = SqlFile.quote(catalog);
    List<String> failures = new ArrayList<>();
    for (String[] column : columns) {
      long rows =
          count(
              conn,
              template.render(
                  Map.of(
                      "model", table(quoted, column[0]), "column", SqlFile.identifier(column[1]))));
      if (rows > 0) {
        failures.add(
            column[0] + ": " + column[1] + " holds " + rows + " identity-number-like values");
      }
    }
    return failures;
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
