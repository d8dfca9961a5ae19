package wds.pipeline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import wds.jobs.testsupport.DatabaseKind;
import wds.jobs.testsupport.DatabaseServers;
import wds.jobs.testsupport.MariaDb;
import wds.jobs.testsupport.Postgres;
import wds.jobs.testsupport.TestDatabase;
import wds.pipeline.read.RawRecord;
import wds.schemas.ExtractSchema;
import wds.schemas.SchemaCatalog;

/**
 * The JDBC connector against real PostgreSQL and MariaDB servers (lives in the jobs module, where
 * the one {@link DatabaseServers} extension of the project is).
 */
@ExtendWith(DatabaseServers.class)
class JdbcRecordReaderTest {

  private static final SchemaCatalog CATALOG = SchemaCatalog.load();
  private static final ExtractSchema EMPLOYMENT = CATALOG.get("hr", "employment");
  private static final ExtractSchema DEATHS = CATALOG.get("health", "maternal_deaths");

  @Test
  void valuesArriveAsTheTextAFileWouldCarry(
      @Postgres TestDatabase postgres, @MariaDb TestDatabase mariadb) throws Exception {
    for (TestDatabase db : List.of(postgres, mariadb)) {
      execute(
          db,
          "CREATE TABLE employment_typed (record_id VARCHAR(20) PRIMARY KEY, id_number"
              + " VARCHAR(18), employer_type VARCHAR(20), industry CHAR(1), start_date DATE,"
              + " end_date DATE, monthly_wage DECIMAL(18,4), work_area_code VARCHAR(12),"
              + " updated_at "
              + timestamp(db)
              + ", deleted BOOLEAN, extra_column INT)",
          "INSERT INTO employment_typed VALUES ('E1', '65232319900101002X', 'private', 'C',"
              + " DATE '2020-01-31', NULL, 3500.0000, '652323100001', TIMESTAMP '2025-03-02"
              + " 00:00:00', FALSE, 7)",
          "INSERT INTO employment_typed VALUES ('E2', '652323199001010021', 'flexible', NULL,"
              + " DATE '2019-12-01', DATE '2024-06-30', 1234.5000, '652323100002', TIMESTAMP"
              + " '2025-03-02 08:15:30', TRUE, NULL)",
          "INSERT INTO employment_typed VALUES ('E3', '652323199001010021', 'urban_unit', 'P',"
              + " DATE '2018-05-06', NULL, 0.0000, '652323100003', TIMESTAMP '2025-03-02"
              + " 23:59:59', NULL, NULL)");

      try (JdbcRecordReader reader = pull(db, EMPLOYMENT, "employment_typed", null, 100)) {
        assertThat(reader.header())
            .as(db.kind() + ": the extract's columns in schema order, extra columns left out")
            .containsExactly(
                "record_id",
                "id_number",
                "employer_type",
                "industry",
                "start_date",
                "end_date",
                "monthly_wage",
                "work_area_code",
                "updated_at",
                "deleted");
        assertThat(values(reader.next()))
            .as(db.kind().toString())
            .containsExactly(
                "E1",
                "65232319900101002X",
                "private",
                "C",
                "2020-01-31",
                "",
                "3500",
                "652323100001",
                "2025-03-02T00:00:00",
                "N");
        RawRecord second = reader.next();
        assertThat(values(second))
            .as(db.kind().toString())
            .containsExactly(
                "E2",
                "652323199001010021",
                "flexible",
                "",
                "2019-12-01",
                "2024-06-30",
                "1234.5",
                "652323100002",
                "2025-03-02T08:15:30",
                "Y");
        assertThat(second.line()).isEqualTo(2);
        assertThat(second.isMalformed()).isFalse();
        assertThat(values(reader.next())).as(db.kind().toString()).contains("0", "").endsWith("");
        assertThat(reader.next()).isNull();
        assertThat(reader.highWater()).isEqualTo(LocalDateTime.parse("2025-03-02T23:59:59"));
      }
    }
  }

  @Test
  void aFlagKeptAsANumberReadsAsYOrNAndAZonedTimestampOnTheCountyClock(
      @Postgres TestDatabase postgres, @MariaDb TestDatabase mariadb) throws Exception {
    execute(
        postgres,
        "CREATE TABLE deaths_zoned (case_id VARCHAR(20) PRIMARY KEY, updated_at TIMESTAMPTZ,"
            + " deleted SMALLINT)",
        "INSERT INTO deaths_zoned VALUES ('Z1', TIMESTAMPTZ '2025-03-01 16:30:00+00', 1),"
            + " ('Z2', TIMESTAMPTZ '2025-03-02 08:00:00+08', 0)");
    try (JdbcRecordReader reader = pull(postgres, DEATHS, "deaths_zoned", null, 10)) {
      assertThat(values(reader.next())).containsExactly("Z1", "2025-03-02T00:30:00", "Y");
      assertThat(values(reader.next())).containsExactly("Z2", "2025-03-02T08:00:00", "N");
    }
    execute(
        mariadb,
        "CREATE TABLE deaths_numeric_flag (case_id VARCHAR(20) PRIMARY KEY, updated_at DATETIME,"
            + " deleted SMALLINT)",
        "INSERT INTO deaths_numeric_flag VALUES ('N1', '2025-03-01 10:00:00', 1),"
            + " ('N2', '2025-03-01 11:00:00', 0), ('N3', '2025-03-01 12:00:00', 7)");
    try (JdbcRecordReader reader = pull(mariadb, DEATHS, "deaths_numeric_flag", null, 10)) {
      assertThat(values(reader.next())).containsExactly("N1", "2025-03-01T10:00:00", "Y");
      assertThat(values(reader.next())).containsExactly("N2", "2025-03-01T11:00:00", "N");
      assertThat(values(reader.next()))
          .as("anything else stays as it is, for the validator to judge")
          .containsExactly("N3", "2025-03-01T12:00:00", "7");
    }
  }

  @Test
  void aTableLackingAColumnGivesAHeaderWithoutItForTheValidatorToRefuse(
      @Postgres TestDatabase postgres, @MariaDb TestDatabase mariadb) throws Exception {
    for (TestDatabase db : List.of(postgres, mariadb)) {
      execute(
          db,
          "CREATE TABLE employment_short (RECORD_ID VARCHAR(20) PRIMARY KEY, id_number"
              + " VARCHAR(18), updated_at "
              + timestamp(db)
              + ")");
      try (JdbcRecordReader reader = pull(db, EMPLOYMENT, "employment_short", null, 10)) {
        assertThat(reader.header()).containsExactly("record_id", "id_number", "updated_at");
        assertThat(reader.next()).isNull();
        assertThat(reader.sourceCount()).isZero();
        assertThat(reader.highWater()).isNull();
      }
    }
  }

  @Test
  void manyRowsStreamInUpdateOrderWithASmallFetchSizeAndAreCountedOnBothSides(
      @Postgres TestDatabase postgres, @MariaDb TestDatabase mariadb) throws Exception {
    int n = 5000;
    for (TestDatabase db : List.of(postgres, mariadb)) {
      createDeaths(db, "deaths_many");
      fillDeaths(db, "deaths_many", n);
      try (JdbcRecordReader reader = pull(db, DEATHS, "deaths_many", null, 7)) {
        assertThat(reader.sourceCount()).isEqualTo(n);
        long read = 0;
        String previous = "";
        for (RawRecord r = reader.next(); r != null; r = reader.next()) {
          read++;
          assertThat(r.line()).isEqualTo(read);
          String updatedAt = r.values()[reader.header().indexOf("updated_at")];
          assertThat(updatedAt).isGreaterThanOrEqualTo(previous);
          previous = updatedAt;
        }
        assertThat(read).as(db.kind() + " rows read = rows counted").isEqualTo(n);
        assertThat(reader.rowsRead()).isEqualTo(n);
        assertThat(reader.highWater()).isEqualTo(minute(n - 1));
      }
    }
  }

  @Test
  void rowsArriveBeforeTheServerHasProducedTheWholeResult(
      @Postgres TestDatabase postgres, @MariaDb TestDatabase mariadb) throws Exception {
    // A view whose icd10 fails at row 3000 of 5000: a reader that fetched the whole result first
    // would fail when the pull starts; a streaming reader hands out rows before reaching it. The
    // index (and, on PostgreSQL, no sort step) make the server produce rows one by one in order.
    execute(postgres, "ALTER DATABASE " + postgres.name() + " SET enable_sort = off");
    execute(
        postgres,
        "CREATE FUNCTION boom(n BIGINT) RETURNS VARCHAR STABLE LANGUAGE plpgsql AS $$ BEGIN IF"
            + " n = 3000 THEN RAISE EXCEPTION 'boom at row %', n; END IF; RETURN 'O72'; END $$");
    execute(
        mariadb,
        "CREATE FUNCTION boom(n BIGINT) RETURNS VARCHAR(10) NOT DETERMINISTIC BEGIN IF n = 3000"
            + " THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'boom at row 3000'; END IF;"
            + " RETURN 'O72'; END");
    for (TestDatabase db : List.of(postgres, mariadb)) {
      createDeaths(db, "deaths_raw");
      fillDeaths(db, "deaths_raw", 5000);
      execute(db, "CREATE INDEX deaths_raw_order ON deaths_raw (updated_at, case_id)");
      execute(
          db,
          "CREATE VIEW deaths_failing AS SELECT case_id, id_number, death_date,"
              + " residence_area_code, boom(n) AS icd10, updated_at, deleted FROM deaths_raw");
      try (JdbcRecordReader reader = pull(db, DEATHS, "deaths_failing", null, 10)) {
        List<RawRecord> first = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          first.add(reader.next());
        }
        assertThat(first).as(db.kind().toString()).doesNotContainNull();
        assertThatThrownBy(
                () -> {
                  while (reader.next() != null) {
                    // read on to the failing row
                  }
                })
            .as(db.kind().toString())
            .isInstanceOf(IOException.class)
            .hasMessageContaining("health/maternal_deaths from table deaths_failing")
            .hasMessageContaining("the pull failed after row");
      }
    }
  }

  @Test
  void aPullReadsOnlyRowsChangedAtOrAfterTheHighWaterMark(
      @Postgres TestDatabase postgres, @MariaDb TestDatabase mariadb) throws Exception {
    for (TestDatabase db : List.of(postgres, mariadb)) {
      createDeaths(db, "deaths_marked");
      fillDeaths(db, "deaths_marked", 100);
      LocalDateTime mark = minute(60);
      try (JdbcRecordReader reader = pull(db, DEATHS, "deaths_marked", mark, 8)) {
        List<String> keys = new ArrayList<>();
        for (RawRecord r = reader.next(); r != null; r = reader.next()) {
          keys.add(r.values()[0]);
        }
        assertThat(keys)
            .as(db.kind().toString())
            .hasSize(40)
            .startsWith("D00060")
            .endsWith("D00099");
        assertThat(reader.sourceCount()).isEqualTo(40);
        assertThat(reader.highWater()).isEqualTo(minute(99));
      }
      try (JdbcRecordReader reader = pull(db, DEATHS, "deaths_marked", minute(100), 8)) {
        assertThat(reader.next()).isNull();
        assertThat(reader.sourceCount()).isZero();
        assertThat(reader.highWater()).as("no row, no new mark").isNull();
      }
    }
  }

  @Test
  void rowsCommittedWhileAPullRunsAreNeitherCountedNorRead(
      @Postgres TestDatabase postgres, @MariaDb TestDatabase mariadb) throws Exception {
    for (TestDatabase db : List.of(postgres, mariadb)) {
      createDeaths(db, "deaths_busy");
      fillDeaths(db, "deaths_busy", 50);
      try (JdbcRecordReader reader = pull(db, DEATHS, "deaths_busy", null, 5)) {
        assertThat(reader.next()).isNotNull();
        try (Connection other = db.connect()) {
          insertDeath(other, "deaths_busy", "LATE1", minute(2));
          insertDeath(other, "deaths_busy", "LATE2", minute(999));
        }
        long read = 1;
        while (reader.next() != null) {
          read++;
        }
        assertThat(reader.sourceCount()).as(db.kind().toString()).isEqualTo(50);
        assertThat(read).as(db.kind() + ": read in the counted snapshot").isEqualTo(50);
      }
    }
  }

  @Test
  void aMissingTableIsNamedInTheError(@Postgres TestDatabase postgres) throws Exception {
    assertThatThrownBy(() -> pull(postgres, DEATHS, "no_such_table", null, 10))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("health/maternal_deaths from table no_such_table")
        .hasMessageContaining("cannot read the table");
  }

  // --- helpers ---

  private static JdbcRecordReader pull(
      TestDatabase db, ExtractSchema schema, String table, LocalDateTime since, int fetchSize)
      throws SQLException {
    return JdbcRecordReader.open(db.connect(), schema, TableName.parse(table), since, fetchSize);
  }

  private static String timestamp(TestDatabase db) {
    return db.kind() == DatabaseKind.MARIADB ? "DATETIME" : "TIMESTAMP";
  }

  private static LocalDateTime minute(int i) {
    return LocalDateTime.parse("2025-03-01T00:00:00").plusMinutes(i);
  }

  private static void createDeaths(TestDatabase db, String table) throws SQLException {
    execute(
        db,
        "CREATE TABLE "
            + table
            + " (n BIGINT, case_id VARCHAR(20) PRIMARY KEY, id_number VARCHAR(18), death_date DATE,"
            + " residence_area_code VARCHAR(12), icd10 VARCHAR(10), updated_at "
            + timestamp(db)
            + ", deleted CHAR(1))");
  }

  /** Rows D00000.. with updated_at one minute apart, inserted newest first. */
  private static void fillDeaths(TestDatabase db, String table, int n) throws SQLException {
    try (Connection c = db.connect();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO " + table + " VALUES (?, ?, ?, ?, '652323100001', 'O72', ?, 'N')")) {
      c.setAutoCommit(false);
      for (int i = n - 1; i >= 0; i--) {
        s.setLong(1, i);
        s.setString(2, String.format("D%05d", i));
        s.setString(3, "652323199001010021");
        s.setObject(4, java.time.LocalDate.parse("2024-01-01"));
        s.setObject(5, minute(i));
        s.addBatch();
      }
      s.executeBatch();
      c.commit();
    }
  }

  private static void insertDeath(Connection c, String table, String key, LocalDateTime at)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO "
                + table
                + " VALUES (0, ?, '652323199001010021', DATE '2024-01-01', '652323100001',"
                + " 'O72', ?, 'N')")) {
      s.setString(1, key);
      s.setObject(2, at);
      s.executeUpdate();
    }
  }

  private static void execute(TestDatabase db, String... sql) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      for (String statement : sql) {
        s.execute(statement);
      }
    }
  }

  private static String[] values(RawRecord r) {
    assertThat(r).isNotNull();
    return r.values();
  }
}
