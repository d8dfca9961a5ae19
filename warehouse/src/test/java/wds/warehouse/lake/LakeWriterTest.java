package wds.warehouse.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static wds.warehouse.publish.TestDb.execute;
import static wds.warehouse.publish.TestDb.rows;
import static wds.warehouse.publish.TestDb.value;

import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.warehouse.DuckDbLimits;
import wds.warehouse.publish.TestDb;

class LakeWriterTest {

  @TempDir Path home;
  Path snapshot;

  @BeforeEach
  void snapshot() throws Exception {
    snapshot = home.resolve("snapshots").resolve("wds-20250201-020000.duckdb");
    Files.createDirectories(snapshot.getParent());
    try (Connection c = TestDb.open(snapshot)) {
      execute(
          c,
          "CREATE TABLE dim_area (area_code VARCHAR, name VARCHAR, level TINYINT,"
              + " parent_code VARCHAR, is_urban BOOLEAN, sort_key SMALLINT)",
          "INSERT INTO dim_area VALUES ('652323000000', '呼图壁县', 1, NULL, NULL, 1),"
              + " ('652323100000', '呼图壁镇', 2, '652323000000', true, 2),"
              + " ('652323100201', '幸福村', 3, '652323100000', false, NULL)",
          "CREATE TABLE fact_births (person_key VARCHAR, year INTEGER, birth_date DATE,"
              + " registered_at TIMESTAMP, weight_kg DECIMAL(5,3), wage DECIMAL(18,4),"
              + " big DECIMAL(38,10), gestation_weeks BIGINT, score DOUBLE, ratio FLOAT,"
              + " live BOOLEAN, note VARCHAR, span INTERVAL)",
          "INSERT INTO fact_births VALUES"
              + " (repeat('a', 64), 2023, DATE '2023-12-31', TIMESTAMP '2024-01-01 00:00:00.123456',"
              + " 3.250, 1234.5678, 12345678901234567890.0123456789, 39, 0.5, 1.25, true, '顺产',"
              + " INTERVAL 3 DAY),"
              + " (repeat('b', 64), 2024, DATE '2024-02-29', NULL, NULL, -0.0001,"
              + " -98765432109876543210.9876543210, NULL, NULL, NULL, NULL, NULL, NULL),"
              + " (repeat('c', 64), 2024, DATE '1970-01-01', TIMESTAMP '1969-12-31 23:59:59',"
              + " 0.001, 0, 0, 40, -1e300, 0, false, '', INTERVAL 1 HOUR),"
              + " (repeat('d', 64), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
              + " '年份不详', NULL)",
          "CREATE TABLE mart_sex_age (year INTEGER, area_code VARCHAR, area_level VARCHAR,"
              + " sex_code VARCHAR, age_group VARCHAR, measure VARCHAR, value DOUBLE)",
          "INSERT INTO mart_sex_age VALUES (2024, '652323000000', 'county', '2', '15-19',"
              + " 'population', 812)",
          "CREATE TABLE indicator_value (indicator_code VARCHAR, year INTEGER, value DOUBLE,"
              + " provisional BOOLEAN)",
          "INSERT INTO indicator_value VALUES ('H01', 2024, NULL, true)",
          "CREATE TABLE etl_delivery (source VARCHAR)",
          "CREATE TABLE ods_health__births (x INTEGER)");
    }
  }

  static Connection duckdb() throws Exception {
    return DriverManager.getConnection("jdbc:duckdb:");
  }

  String parquet(Path lake, String table) {
    return "read_parquet('" + lake.resolve(table) + "/**/*.parquet', hive_partitioning = true)";
  }

  @Test
  void write_WhenASnapshotIsPublished_ThenEveryModelTableIsInTheLakeAndNothingElse()
      throws Exception {
    LakeWriter.Result result = new LakeWriter(home.resolve("lake")).write(snapshot);

    Path lake = home.resolve("lake");
    assertThat(Files.isSymbolicLink(lake)).isTrue();
    try (Stream<Path> tables = Files.list(lake)) {
      assertThat(tables.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("dim_area", "fact_births", "mart_sex_age", "indicator_value");
    }
    assertThat(result.rows())
        .containsEntry("fact_births", 4L)
        .containsEntry("dim_area", 3L)
        .doesNotContainKey("etl_delivery");
    assertThat(lake.resolve("dim_area/part-0.parquet")).isRegularFile();
    assertThat(lake.resolve("fact_births/year=2023/part-0.parquet")).isRegularFile();
    assertThat(lake.resolve("fact_births/year=2024/part-0.parquet")).isRegularFile();
    assertThat(lake.resolve("fact_births/year=__HIVE_DEFAULT_PARTITION__/part-0.parquet"))
        .isRegularFile();
  }

  @Test
  void write_WhenReadBackByDuckDB_ThenEveryTableEqualsItsSourceIncludingNullsDatesDecimalsAndText()
      throws Exception {
    new LakeWriter(home.resolve("lake")).write(snapshot);
    Path lake = home.resolve("lake");

    try (Connection c = duckdb()) {
      execute(c, "ATTACH '" + snapshot + "' AS src (READ_ONLY)");
      for (String table : List.of("dim_area", "fact_births", "mart_sex_age", "indicator_value")) {
        List<String> columns =
            rows(
                c,
                "SELECT column_name FROM information_schema.columns WHERE table_catalog = 'src'"
                    + " AND table_name = '"
                    + table
                    + "' ORDER BY ordinal_position");
        // Intervals are written as their text; everything else keeps its type.
        String projection =
            String.join(
                ", ",
                columns.stream()
                    .map(col -> col.equals("span") ? "CAST(span AS VARCHAR) AS span" : col)
                    .toList());
        String source = "SELECT " + projection + " FROM src." + table;
        String copy =
            "SELECT "
                + String.join(
                    ", ",
                    columns.stream()
                        .map(col -> col.equals("year") ? "CAST(year AS INTEGER) AS year" : col)
                        .toList())
                + " FROM "
                + parquet(lake, table);
        assertThat(value(c, "SELECT count(*) FROM (" + source + " EXCEPT ALL " + copy + ")"))
            .as(table + " rows missing from the lake")
            .isEqualTo("0");
        assertThat(value(c, "SELECT count(*) FROM (" + copy + " EXCEPT ALL " + source + ")"))
            .as(table + " rows the lake has in excess")
            .isEqualTo("0");
        assertThat(value(c, "SELECT count(*) FROM " + parquet(lake, table)))
            .isEqualTo(value(c, "SELECT count(*) FROM src." + table));
      }

      assertThat(
              rows(
                  c,
                  "SELECT column_name || ' ' || column_type FROM (DESCRIBE SELECT * FROM "
                      + parquet(lake, "fact_births")
                      + ") WHERE column_name <> 'year'"))
          .containsExactly(
              "person_key VARCHAR",
              "birth_date DATE",
              "registered_at TIMESTAMP",
              "weight_kg DECIMAL(5,3)",
              "wage DECIMAL(18,4)",
              "big DECIMAL(38,10)",
              "gestation_weeks BIGINT",
              "score DOUBLE",
              "ratio FLOAT",
              "live BOOLEAN",
              "note VARCHAR",
              "span VARCHAR");
      assertThat(
              rows(
                  c,
                  "SELECT column_name || ' ' || column_type FROM (DESCRIBE SELECT * FROM "
                      + parquet(lake, "dim_area")
                      + ")"))
          .containsExactly(
              "area_code VARCHAR",
              "name VARCHAR",
              "level TINYINT",
              "parent_code VARCHAR",
              "is_urban BOOLEAN",
              "sort_key SMALLINT");
      assertThat(
              rows(
                  c,
                  "SELECT note || ' ' || birth_date FROM "
                      + parquet(lake, "fact_births")
                      + " WHERE year = 2023"))
          .containsExactly("顺产 2023-12-31");
      assertThat(
              value(
                  c,
                  "SELECT count(*) FROM "
                      + parquet(lake, "fact_births")
                      + " WHERE year IS NULL AND note = '年份不详'"))
          .isEqualTo("1");
    }
  }

  @Test
  void write_WhenRunAgain_ThenTheLinkMovesWholeAndTheOldVersionStaysForBusyReaders()
      throws Exception {
    LakeWriter writer = new LakeWriter(home.resolve("lake"));
    LakeWriter.Result first = writer.write(snapshot);
    Path firstFile = home.resolve("lake/dim_area/part-0.parquet").toRealPath();
    try (Connection c = TestDb.open(snapshot)) {
      execute(c, "INSERT INTO dim_area VALUES ('652323101000', '大丰镇', 2, NULL, false, 3)");
    }

    LakeWriter.Result second = writer.write(snapshot);

    assertThat(second.folder()).isNotEqualTo(first.folder());
    assertThat(Files.readSymbolicLink(home.resolve("lake")).toString())
        .isEqualTo("lake.d/" + second.folder().getFileName());
    assertThat(firstFile).isRegularFile();
    try (Connection c = duckdb()) {
      assertThat(value(c, "SELECT count(*) FROM " + parquet(home.resolve("lake"), "dim_area")))
          .isEqualTo("4");
    }
    LakeWriter.Result third = writer.write(snapshot);
    assertThat(first.folder()).doesNotExist();
    assertThat(second.folder()).isDirectory();
    assertThat(third.folder()).isDirectory();
  }

  @Test
  void write_WhenOneTableFailsBesideTheOtherWriter_ThenTheLakeIsNotPublishedAndTheOldOneStays()
      throws Exception {
    LakeWriter writer = new LakeWriter(home.resolve("lake"), new DuckDbLimits("1GB", 2));
    LakeWriter.Result first = writer.write(snapshot);
    try (Connection c = TestDb.open(snapshot)) {
      // a folder name longer than file systems allow (255 bytes): its files cannot be written
      execute(c, "CREATE TABLE dim_" + "x".repeat(300) + " (code VARCHAR)");
    }

    assertThatThrownBy(() -> writer.write(snapshot)).isInstanceOf(FileSystemException.class);

    assertThat(Files.readSymbolicLink(home.resolve("lake")).toString())
        .isEqualTo("lake.d/" + first.folder().getFileName());
    try (Connection c = duckdb()) {
      assertThat(value(c, "SELECT count(*) FROM " + parquet(home.resolve("lake"), "fact_births")))
          .isEqualTo("4");
    }
  }

  @Test
  void write_WhenHadoopIsNotOnTheClassPath_ThenTheLakeIsWrittenAllTheSame() throws Exception {
    String classPath =
        String.join(
            java.io.File.pathSeparator,
            Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.contains("hadoop-common"))
                .toList());
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath,
                LakeWithoutHadoopProcess.class.getName(),
                snapshot.toString(),
                home.resolve("lake").toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());

    assertThat(process.waitFor()).as(output).isZero();
    assertThat(output).contains("rows 9");
    try (Connection c = duckdb()) {
      assertThat(value(c, "SELECT count(*) FROM " + parquet(home.resolve("lake"), "fact_births")))
          .isEqualTo("4");
    }
  }

  @Test
  void write_WhenTheHomeHasAPlainEmptyLakeFolder_ThenItIsReplacedByTheLink() throws Exception {
    Files.createDirectories(home.resolve("lake"));

    new LakeWriter(home.resolve("lake")).write(snapshot);

    assertThat(Files.isSymbolicLink(home.resolve("lake"))).isTrue();
    assertThat(home.resolve("lake/mart_sex_age/part-0.parquet")).isRegularFile();
  }
}
