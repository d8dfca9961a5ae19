package wds.pipeline.jdbc;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import wds.pipeline.read.RawRecord;
import wds.pipeline.read.RecordReader;
import wds.schemas.Column;
import wds.schemas.ColumnType;
import wds.schemas.ExtractSchema;
import wds.schemas.sql.SqlFile;

/**
 * A pull of one extract from a source system's database: the rows of its table or view changed at
 * or after the high-water mark, read as the text a delivered file would carry, so the validator,
 * quarantine and loader treat a pull exactly like a file.
 *
 * <p>The header is the extract's columns that the table has, in schema order (a missing mandatory
 * column is refused by the validator as for a file). Rows stream: the result is fetched {@code
 * fetchSize} rows at a time inside one read-only transaction (PostgreSQL needs autocommit off for
 * that, MariaDB Connector/J streams on a positive fetch size, MySQL Connector/J row by row), so a
 * table never sits in memory. The rows are counted in the same transaction ({@link
 * #sourceCount()}), at repeatable read where the database offers it, so the pull is reconciled on
 * both sides.
 *
 * <p>The reader owns its connection and closes it.
 */
public final class JdbcRecordReader implements RecordReader {

  private static final SqlFile PULL = sql("pull.sql");
  private static final SqlFile COUNT = sql("count.sql");
  private static final SqlFile PROBE = sql("probe.sql");
  static final String UPDATED_AT = "updated_at";

  private final Connection connection;
  private final String origin;
  private final List<String> header;
  private final ColumnType[] types;
  private final int updatedAt;
  private final long sourceCount;
  private final PreparedStatement statement;
  private final ResultSet rows;
  private long line;
  private LocalDateTime highWater;
  private boolean done;

  private JdbcRecordReader(
      Connection connection,
      String origin,
      List<String> header,
      ColumnType[] types,
      long sourceCount,
      PreparedStatement statement,
      ResultSet rows) {
    this.connection = connection;
    this.origin = origin;
    this.header = List.copyOf(header);
    this.types = types;
    this.updatedAt = header.indexOf(UPDATED_AT);
    this.sourceCount = sourceCount;
    this.statement = statement;
    this.rows = rows;
  }

  /**
   * Starts a pull.
   *
   * @param connection a connection to the source database; the reader owns and closes it
   * @param schema the extract
   * @param table its table or view in the source database
   * @param since the high-water mark: rows with {@code updated_at >= since}; null pulls everything
   * @param fetchSize rows fetched from the server at a time
   * @throws SQLException when the table cannot be read (named in the message); the connection is
   *     closed then
   */
  public static JdbcRecordReader open(
      Connection connection,
      ExtractSchema schema,
      TableName table,
      LocalDateTime since,
      int fetchSize)
      throws SQLException {
    try {
      return start(connection, schema, table, since, fetchSize);
    } catch (SQLException | RuntimeException e) {
      try {
        connection.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private static JdbcRecordReader start(
      Connection connection,
      ExtractSchema schema,
      TableName table,
      LocalDateTime since,
      int fetchSize)
      throws SQLException {
    String origin = schema.qualifiedName() + " from table " + table;
    DatabaseMetaData meta = connection.getMetaData();
    connection.setAutoCommit(false);
    if (meta.supportsTransactionIsolationLevel(Connection.TRANSACTION_REPEATABLE_READ)) {
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    }
    String quotedTable = table.quoted(meta);
    String mark = meta.getIdentifierQuoteString();
    Map<String, String> present = tableColumns(connection, quotedTable, origin);

    List<String> header = new ArrayList<>();
    List<String> select = new ArrayList<>();
    List<ColumnType> types = new ArrayList<>();
    for (Column c : schema.columns()) {
      String actual = present.get(c.name().toLowerCase(Locale.ROOT));
      if (actual != null) {
        header.add(c.name());
        select.add(SqlFile.quote(actual, mark));
        types.add(c.type());
      }
    }
    if (select.isEmpty()) {
      throw new SQLException(origin + ": the table has none of the extract's columns");
    }
    String updatedAt = present.get(UPDATED_AT);
    boolean incremental = since != null && updatedAt != null;
    String where = incremental ? "WHERE " + SqlFile.quote(updatedAt, mark) + " >= ?" : "";
    List<String> order = new ArrayList<>();
    if (updatedAt != null) {
      order.add(SqlFile.quote(updatedAt, mark));
    }
    for (String key : schema.primaryKey()) {
      String actual = present.get(key.toLowerCase(Locale.ROOT));
      if (actual != null) {
        order.add(SqlFile.quote(actual, mark));
      }
    }
    if (order.isEmpty()) {
      order.add(select.get(0));
    }
    Map<String, String> names = new HashMap<>();
    names.put("table", quotedTable);
    names.put("where", where);
    names.put("columns", String.join(", ", select));
    names.put("order", String.join(", ", order));

    long count;
    try (PreparedStatement s = connection.prepareStatement(COUNT.render(names))) {
      if (incremental) {
        s.setObject(1, since);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        count = rs.getLong(1);
      }
    }
    PreparedStatement statement =
        connection.prepareStatement(
            PULL.render(names), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    try {
      statement.setFetchSize(streamingFetchSize(meta, fetchSize));
      if (incremental) {
        statement.setObject(1, since);
      }
      ResultSet rows = statement.executeQuery();
      return new JdbcRecordReader(
          connection, origin, header, types.toArray(ColumnType[]::new), count, statement, rows);
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  /** The table's columns, lower-cased name to the name as the database spells it. */
  private static Map<String, String> tableColumns(
      Connection connection, String quotedTable, String origin) throws SQLException {
    Map<String, String> columns = new HashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(PROBE.render(Map.of("table", quotedTable)))) {
      ResultSetMetaData md = rs.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        columns.put(md.getColumnName(i).toLowerCase(Locale.ROOT), md.getColumnName(i));
      }
    } catch (SQLException e) {
      throw new SQLException(origin + ": cannot read the table: " + e.getMessage(), e);
    }
    return columns;
  }

  /**
   * MySQL's own driver streams only with {@code Integer.MIN_VALUE} (row by row) unless the URL asks
   * for {@code useCursorFetch=true}; every other driver takes the fetch size as given.
   */
  private static int streamingFetchSize(DatabaseMetaData meta, int fetchSize) throws SQLException {
    String driver = meta.getDriverName();
    if (driver != null
        && driver.startsWith("MySQL Connector")
        && !meta.getURL().toLowerCase(Locale.ROOT).contains("usecursorfetch=true")) {
      return Integer.MIN_VALUE;
    }
    return Math.max(1, fetchSize);
  }

  @Override
  public List<String> header() {
    return header;
  }

  @Override
  public RawRecord next() throws IOException {
    if (done) {
      return null;
    }
    try {
      if (!rows.next()) {
        done = true;
        return null;
      }
      String[] values = new String[types.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = ContractText.of(rows, i + 1, types[i]);
      }
      line++;
      if (updatedAt >= 0) {
        LocalDateTime seen = ContractText.timestampOf(values[updatedAt]);
        if (seen != null && (highWater == null || seen.isAfter(highWater))) {
          highWater = seen;
        }
      }
      return RawRecord.of(line, values);
    } catch (SQLException e) {
      throw new IOException(
          origin + ": the pull failed after row " + line + ": " + e.getMessage(), e);
    }
  }

  /**
   * Where the rows come from, for messages and the audit: {@code health/births from table births}.
   */
  public String origin() {
    return origin;
  }

  /** The rows the source counted for this pull, in the pull's own transaction. */
  public long sourceCount() {
    return sourceCount;
  }

  /** The rows read so far. */
  public long rowsRead() {
    return line;
  }

  /**
   * The latest {@code updated_at} read so far: the next high-water mark once this pull's rows are
   * committed; null when no row carried one.
   */
  public LocalDateTime highWater() {
    return highWater;
  }

  /** Ends the read-only transaction and closes the connection. */
  @Override
  public void close() throws IOException {
    SQLException failure = null;
    for (AutoCloseable step :
        new AutoCloseable[] {rows, statement, connection::rollback, connection}) {
      try {
        step.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new SQLException(e.getMessage(), e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw new IOException(origin + ": closing the pull failed: " + failure.getMessage(), failure);
    }
  }

  private static SqlFile sql(String name) {
    return SqlFile.load(JdbcRecordReader.class, name).withoutComments();
  }
}
