package wds.warehouse.lake;

import java.sql.ResultSet;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;

/**
 * The builder of Parquet writers over DuckDB results. It overrides both write-support factories so
 * that, given a {@code PlainParquetConfiguration}, no Hadoop class is needed at run time.
 */
final class ResultSetParquetWriter
    extends ParquetWriter.Builder<ResultSet, ResultSetParquetWriter> {

  private final ResultSetWriteSupport writeSupport;

  ResultSetParquetWriter(OutputFile file, ResultSetWriteSupport writeSupport) {
    super(file);
    this.writeSupport = writeSupport;
  }

  @Override
  protected ResultSetParquetWriter self() {
    return this;
  }

  @Override
  protected WriteSupport<ResultSet> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
    return writeSupport;
  }

  @Override
  protected WriteSupport<ResultSet> getWriteSupport(ParquetConfiguration conf) {
    return writeSupport;
  }
}
