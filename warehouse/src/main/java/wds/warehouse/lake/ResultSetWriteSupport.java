package wds.warehouse.lake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * The Parquet write support that writes the current row of a DuckDB result: one record per call,
 * straight from the JDBC getters, so rows are streamed and memory stays flat.
 */
final class ResultSetWriteSupport extends WriteSupport<ResultSet> {

  private final List<ParquetColumn> columns;
  private final MessageType schema;
  private RecordConsumer out;

  ResultSetWriteSupport(String table, List<ParquetColumn> columns) {
    this.columns = List.copyOf(columns);
    this.schema = new MessageType(table, columns.stream().map(c -> (Type) c.type()).toList());
  }

  MessageType schema() {
    return schema;
  }

  @Override
  public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
    return new WriteContext(schema, Map.of());
  }

  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return new WriteContext(schema, Map.of());
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.out = recordConsumer;
  }

  @Override
  public void write(ResultSet row) {
    out.startMessage();
    try {
      for (int i = 0; i < columns.size(); i++) {
        columns.get(i).write(row, i + 1, i, out);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read a row for Parquet: " + e.getMessage(), e);
    }
    out.endMessage();
  }
}
