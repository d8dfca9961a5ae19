package wds.warehouse.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The footer check that stands between DuckDB's Parquet files and a published lake. */
class ParquetFootersTest {

  @TempDir Path tmp;
  Path folder;
  List<ParquetColumn> columns =
      List.of(ParquetColumn.of("person_key", "VARCHAR"), ParquetColumn.of("age", "INTEGER"));

  @BeforeEach
  void writeAPartitionedTable() throws Exception {
    folder = tmp.resolve("fact_x");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE fact_x AS SELECT 'k' || i AS person_key, (i % 90)::INTEGER AS age,"
              + " 2020 + i % 3 AS year FROM range(1000) t(i)");
      st.execute(
          "COPY (SELECT person_key, age, year FROM fact_x) TO '"
              + folder
              + "' (FORMAT parquet, PARTITION_BY (year), FILENAME_PATTERN 'part-{i}')");
    }
  }

  @Test
  void check_WhenTheFilesMatchTheTable_ThenTheirRowsAreCounted() throws Exception {
    long rows =
        ParquetFooters.check(
            folder,
            "fact_x",
            columns,
            Map.of("year=2020", 334L, "year=2021", 333L, "year=2022", 333L));

    assertThat(rows).isEqualTo(1000);
  }

  @Test
  void check_WhenAPartitionHoldsFewerRowsThanTheTable_ThenTheLakeIsRefused() {
    assertThatThrownBy(
            () ->
                ParquetFooters.check(
                    folder,
                    "fact_x",
                    columns,
                    Map.of("year=2020", 335L, "year=2021", 333L, "year=2022", 333L)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("fact_x")
        .hasMessageContaining("not published");
  }

  @Test
  void check_WhenAFileIsCutShort_ThenTheLakeIsRefused() throws Exception {
    Path file = folder.resolve("year=2021/part-0.parquet");
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(Files.size(file) - 10);
    }

    assertThatThrownBy(
            () ->
                ParquetFooters.check(
                    folder,
                    "fact_x",
                    columns,
                    Map.of("year=2020", 334L, "year=2021", 333L, "year=2022", 333L)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no Parquet footer");
  }

  @Test
  void check_WhenAColumnHasAnotherType_ThenTheLakeIsRefused() {
    List<ParquetColumn> wrong =
        List.of(ParquetColumn.of("person_key", "VARCHAR"), ParquetColumn.of("age", "BIGINT"));

    assertThatThrownBy(
            () ->
                ParquetFooters.check(
                    folder,
                    "fact_x",
                    wrong,
                    Map.of("year=2020", 334L, "year=2021", 333L, "year=2022", 333L)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("age INT32");
  }
}
