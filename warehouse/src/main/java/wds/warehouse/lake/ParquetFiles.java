package wds.warehouse.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/**
 * The writer of one Parquet file from one DuckDB query, streamed row by row, with no Hadoop at run
 * time ({@code LocalOutputFile}, {@code PlainParquetConfiguration}, {@link LocalCodecFactory}).
 */
public final class ParquetFiles {

  /** Rows fetched from DuckDB at a time; the connection should stream results. */
  static final int FETCH_SIZE = 8192;

  private final CompressionCodecName codec;

  public ParquetFiles(CompressionCodecName codec) {
    this.codec = codec;
  }

  /**
   * Runs {@code query} (its result columns are {@code columns}, in order; {@code parameters} bound
   * in order) and writes its rows to {@code file} as a Parquet message named {@code name}.
   *
   * @return the number of rows written
   */
  public long write(
      Connection connection,
      String query,
      List<Object> parameters,
      String name,
      List<ParquetColumn> columns,
      Path file)
      throws SQLException, IOException {
    Files.createDirectories(file.getParent());
    ResultSetWriteSupport support = new ResultSetWriteSupport(name, columns);
    long rows = 0;
    try (PreparedStatement statement = connection.prepareStatement(query)) {
      statement.setFetchSize(FETCH_SIZE);
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet result = statement.executeQuery();
          ParquetWriter<ResultSet> writer =
              new ResultSetParquetWriter(new LocalOutputFile(file), support)
                  .withConf(new PlainParquetConfiguration())
                  .withCodecFactory(new LocalCodecFactory())
                  .withCompressionCodec(codec)
                  .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                  .build()) {
        while (result.next()) {
          writer.write(result);
          rows++;
        }
      }
    }
    return rows;
  }
}
