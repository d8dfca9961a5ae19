package wds.jobs.seed;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import wds.pipeline.jdbc.TableName;
import wds.pipeline.read.RawRecord;
import wds.pipeline.read.RecordReader;
import wds.schemas.Column;
import wds.schemas.ExtractSchema;
import wds.schemas.sql.SqlFile;

/**
 * One extract's table in a source-system stand-in database, named like the extract: the schema's
 * columns typed for the database, its primary key and an index on {@code updated_at}, filled by an
 * upsert that keeps the latest version of each record.
 */
final class SourceTable {

  private static final int BATCH = 500;

  private final Connection connection;
  private final SourceDialect dialect;
  private final ExtractSchema schema;
  private final Map<String, String> names = new HashMap<>();
  private final List<String> quotedColumns = new ArrayList<>();

  SourceTable(Connection connection, SourceDialect dialect, ExtractSchema schema)
      throws SQLException {
    this.connection = connection;
    this.dialect = dialect;
    this.schema = schema;
    DatabaseMetaData meta = connection.getMetaData();
    String mark = meta.getIdentifierQuoteString();
    for (Column c : schema.columns()) {
      quotedColumns.add(SqlFile.quote(c.name(), mark));
    }
    String updatedAt = SqlFile.quote("updated_at", mark);
    names.put("table", TableName.parse(schema.extract()).quoted(meta));
    names.put("index", SqlFile.quote(schema.extract() + "_updated_at", mark));
    names.put("updated_at", updatedAt);
    names.put(
        "key",
        String.join(
            ", ", schema.primaryKey().stream().map(k -> quotedColumns.get(indexOf(k))).toList()));
    names.put("columns", String.join(", ", quotedColumns));
    names.put("parameters", String.join(", ", Collections.nCopies(quotedColumns.size(), "?")));
    List<String> assignments = new ArrayList<>();
    for (String c : quotedColumns) {
      if (!c.equals(updatedAt)) {
        assignments.add(assignment(c));
      }
    }
    assignments.add(assignment(updatedAt));
    names.put("assignments", String.join(", ", assignments));
  }

  private String assignment(String column) {
    Map<String, String> a = new HashMap<>(names);
    a.put("column", column);
    return dialect.sql("assignment").render(a);
  }

  private int indexOf(String column) {
    for (int i = 0; i < schema.columns().size(); i++) {
      if (schema.columns().get(i).name().equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException(schema.qualifiedName() + " has no column " + column);
  }

  /** Creates the table and its index unless they exist. */
  void create() throws SQLException {
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < schema.columns().size(); i++) {
      Column c = schema.columns().get(i);
      boolean key = schema.primaryKey().contains(c.name());
      columns.add(quotedColumns.get(i) + " " + dialect.type(c, schema) + (key ? " NOT NULL" : ""));
    }
    Map<String, String> ddl = new HashMap<>(names);
    ddl.put("columns", String.join(", ", columns));
    try (Statement s = connection.createStatement()) {
      s.execute(dialect.sql("create_table").render(ddl));
      s.execute(dialect.sql("create_index").render(names));
    }
  }

  /**
   * Upserts every row of {@code rows} that the table can hold, in one transaction.
   *
   * @param file the delivered file's name, for the count
   */
  SeedCount upsert(RecordReader rows, String file) throws IOException, SQLException {
    List<String> header = rows.header();
    int[] position = new int[schema.columns().size()];
    for (int i = 0; i < position.length; i++) {
      position[i] = header.indexOf(schema.columns().get(i).name());
    }
    Map<String, Long> unstorable = new HashMap<>();
    long read = 0;
    long stored = 0;
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (PreparedStatement insert =
        connection.prepareStatement(dialect.sql("upsert").render(names))) {
      int pending = 0;
      for (RawRecord row = rows.next(); row != null; row = rows.next()) {
        read++;
        Object[] values;
        try {
          values = typed(row, position);
        } catch (StoredValue.Unstorable e) {
          unstorable.merge(e.getMessage(), 1L, Long::sum);
          continue;
        }
        for (int i = 0; i < values.length; i++) {
          insert.setObject(i + 1, values[i]);
        }
        insert.addBatch();
        stored++;
        if (++pending == BATCH) {
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
      connection.commit();
    } catch (SQLException | IOException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
    return new SeedCount(schema.source(), schema.extract(), file, read, stored, unstorable);
  }

  private Object[] typed(RawRecord row, int[] position) throws StoredValue.Unstorable {
    if (row.isMalformed()) {
      throw new StoredValue.Unstorable("row", "malformed");
    }
    Object[] values = new Object[position.length];
    for (int i = 0; i < position.length; i++) {
      Column c = schema.columns().get(i);
      String text =
          position[i] < 0 || position[i] >= row.values().length ? "" : row.values()[position[i]];
      values[i] = StoredValue.of(c, schema, text);
      if (values[i] == null && schema.primaryKey().contains(c.name())) {
        throw new StoredValue.Unstorable(c.name(), "empty key");
      }
    }
    return values;
  }
}
