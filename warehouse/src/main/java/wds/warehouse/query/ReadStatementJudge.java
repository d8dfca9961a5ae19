package wds.warehouse.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import wds.warehouse.query.QueryRefusedException.Reason;

/**
 * The judge of whether a SQL text is exactly one statement that only reads (SELECT, WITH, FROM,
 * VALUES, TABLE, DESCRIBE, SHOW, SUMMARIZE, or EXPLAIN of one of these), by DuckDB's own parser.
 *
 * <p>DuckDB's {@code json_serialize_sql} parses the text and serializes it only when every
 * statement is a SELECT (DESCRIBE, SHOW and SUMMARIZE parse as SELECTs over a show reference); for
 * any other statement (COPY, ATTACH, SET, PRAGMA, INSTALL, LOAD, CALL, INSERT, EXPORT...) it
 * answers "Only SELECT statements can be serialized". DuckDB 2.0 also lets a CTE hold a COPY, an
 * INSERT, an UPDATE or a DELETE ({@code COPY_QUERY_NODE}...), so every query node of the tree must
 * be one of the reading kinds. {@code EXPLAIN} is not serializable: the statement after {@code
 * EXPLAIN [ANALYZE]} is judged instead ({@code EXPLAIN ANALYZE} runs it).
 */
final class ReadStatementJudge {

  /** The query nodes of a statement that only reads; anything else (COPY_QUERY_NODE...) writes. */
  private static final Set<String> READING_NODES =
      Set.of("SELECT_NODE", "SET_OPERATION_NODE", "RECURSIVE_CTE_NODE", "CTE_NODE");

  /** The first words of the statements that read. */
  private static final Set<String> READING_KEYWORDS =
      Set.of("SELECT", "WITH", "FROM", "VALUES", "TABLE", "DESCRIBE", "SHOW", "SUMMARIZE", "(");

  /** What a refusal says a query may be. */
  static final String ALLOWED =
      "one statement that reads (SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN)";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Connection connection;

  ReadStatementJudge(Connection connection) {
    this.connection = connection;
  }

  /** Returns when {@code sql} is one reading statement; otherwise refuses it naming why. */
  void check(String sql) throws SQLException {
    LeadingKeyword first = LeadingKeyword.of(sql, 0);
    if (first.word().equals("EXPLAIN")) {
      LeadingKeyword second = first.next(sql);
      int from = second.word().equals("ANALYZE") ? second.end() : first.end();
      checkSelect(sql.substring(from), LeadingKeyword.of(sql, from).word(), true);
    } else {
      checkSelect(sql, first.word(), false);
    }
  }

  private void checkSelect(String sql, String keyword, boolean explained) throws SQLException {
    JsonNode parsed = serialize(sql);
    String named = keyword.isEmpty() ? "this statement" : keyword;
    if (parsed.path("error").asBoolean(false)) {
      String type = parsed.path("error_type").asString("");
      if (type.equals("parser")) {
        throw new QueryRefusedException(
            Reason.SYNTAX, keyword, oneLine(parsed.path("error_message").asString("")));
      }
      if (READING_KEYWORDS.contains(keyword)) {
        // it starts as a read, so what the parser refused comes later: a second statement of
        // another kind after a semicolon, or a PIVOT
        throw new QueryRefusedException(
            Reason.NOT_A_READ,
            keyword,
            "a statement that does not read is not allowed (this text starts with "
                + keyword
                + " but holds another kind): a query is "
                + ALLOWED);
      }
      String shown = explained ? "EXPLAIN of " + named : named;
      throw new QueryRefusedException(
          Reason.NOT_A_READ, keyword, shown + " is not allowed: a query is " + ALLOWED);
    }
    JsonNode statements = parsed.path("statements");
    if (statements.size() != 1) {
      throw new QueryRefusedException(
          Reason.MANY_STATEMENTS,
          keyword,
          statements.size()
              + " statements are not allowed: a query is "
              + ALLOWED
              + ", without a second one after a semicolon");
    }
    String writer = firstWritingNode(statements.get(0));
    if (writer != null) {
      String what = writer.replace("_QUERY_NODE", "").replace("_NODE", "");
      throw new QueryRefusedException(
          Reason.NOT_A_READ, what, what + " inside a query is not allowed: a query is " + ALLOWED);
    }
  }

  /** The first query node in the tree that is not a reading one, or null. */
  private static String firstWritingNode(JsonNode node) {
    if (node.isObject()) {
      JsonNode type = node.get("type");
      if (type != null && type.isString()) {
        String name = type.asString();
        if (name.endsWith("_NODE") && !READING_NODES.contains(name)) {
          return name;
        }
      }
    }
    for (JsonNode child : node) {
      String found = firstWritingNode(child);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private JsonNode serialize(String sql) throws SQLException {
    // the text is a bound value: DuckDB parses it, nothing runs it
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT json_serialize_sql(?::VARCHAR)")) {
      statement.setString(1, sql);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return JSON.readTree(rows.getString(1));
      }
    }
  }

  static String oneLine(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(text);
  }
}
