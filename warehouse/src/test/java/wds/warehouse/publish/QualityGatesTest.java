package wds.warehouse.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static wds.warehouse.publish.TestDb.execute;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityGatesTest {

  @TempDir Path dir;
  Connection work;

  @BeforeEach
  void snapshotWithAudit() throws Exception {
    work = TestDb.workDatabase(dir.resolve("work.duckdb"));
    execute(
        work,
        "ATTACH '" + dir.resolve("snap.duckdb") + "' AS snap",
        "CREATE TABLE snap.etl_delivery AS SELECT * FROM work.etl_delivery",
        "CREATE TABLE snap.etl_reject AS SELECT * FROM work.etl_reject",
        "CREATE TABLE snap.fact_births (person_key VARCHAR, area_code VARCHAR, year INTEGER,"
            + " persons BIGINT, note VARCHAR)",
        "INSERT INTO snap.fact_births VALUES (repeat('c', 64), '652323100201', 2024, 1, '早产')");
  }

  @Test
  void standardGates_WhenTheSnapshotIsClean_ThenNoneFails() throws Exception {
    for (QualityGate gate : QualityGates.standard()) {
      assertThat(gate.check(work, "snap")).as(gate.name()).isEmpty();
    }
  }

  @Test
  void auditReconciliation_WhenRejectsDoNotMatchTheReasons_ThenNamesTheDelivery() throws Exception {
    execute(work, "UPDATE snap.etl_reject SET \"rows\" = 5 WHERE reason = 'BAD_ID_FORMAT'");

    assertThat(new AuditReconciliationGate().check(work, "snap"))
        .extracting(GateFailure::message)
        .containsExactly(
            "health/births delivered 2025-01-31: etl_delivery counts 3 rejected rows,"
                + " etl_reject lists 6");
  }

  @Test
  void auditReconciliation_WhenTheAuditIsMissing_ThenFails() throws Exception {
    execute(work, "DROP TABLE snap.etl_reject");

    assertThat(new AuditReconciliationGate().check(work, "snap"))
        .extracting(GateFailure::message)
        .containsExactly("the snapshot has no etl_reject table");
  }

  @Test
  void auditReconciliation_WhenACountIsNegative_ThenNamesTheDelivery() throws Exception {
    execute(
        work,
        "UPDATE snap.etl_delivery SET rows_loaded = -5, rows_read = rows_rejected - 5"
            + " WHERE source = 'health' AND extract = 'births'"); // still adds up

    assertThat(new AuditReconciliationGate().check(work, "snap"))
        .extracting(GateFailure::message)
        .singleElement()
        .asString()
        .startsWith("health/births delivered 2025-01-31: a negative count (rows_read ")
        .contains("rows_loaded -5");
  }

  @Test
  void modelTestGate_WhenTheRunnerReportsFailures_ThenEachBecomesAGateFailure() throws Exception {
    ModelTestGate gate =
        new ModelTestGate((c, catalog) -> List.of("dim_sex.sex_code is not unique (2 rows)"));

    assertThat(gate.check(work, "snap"))
        .containsExactly(new GateFailure("model-tests", "dim_sex.sex_code is not unique (2 rows)"));
  }
}
