package wds.warehouse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import wds.warehouse.publish.TestDb;

/**
 * Given a small snapshot written by hand, the digest, attainment and years read as reports.md says.
 */
class WarningDigestTest {

  private Connection db;

  @BeforeEach
  void snapshot() throws SQLException {
    db = DriverManager.getConnection("jdbc:duckdb:");
    TestDb.execute(
        db,
        "create table build_context as select '2021-2025' as plan_code, '规划' as plan_name,"
            + " 2020 as baseline_year, 2021 as first_plan_year, 2023 as mid_term_year,"
            + " 2025 as final_year, date '2026-01-15' as as_of,"
            + " date '2026-01-15' as latest_delivery_date, 2020 as first_year, 2026 as last_year,"
            + " 2026 as provisional_from_year",
        "create table dim_area (area_code varchar, area_name varchar, area_level varchar)",
        "insert into dim_area values ('652323000000', '呼图壁县', 'county'),"
            + " ('652323100000', '甲镇', 'township'), ('652323200000', '乙乡', 'township')",
        "create table indicator (code varchar, domain varchar, name_zh varchar, unit varchar,"
            + " target_op varchar, target double, tolerance double, basis varchar)",
        "insert into indicator values"
            + " ('H02', 'health', '孕产妇系统管理率', 'percent', 'ge', 90, null, 'computed'),"
            + " ('H12', 'health', '住院分娩率', 'percent', 'up', null, null, 'computed'),"
            + " ('H13', 'health', '剖宫产率', 'percent', 'monitor', null, null, 'computed'),"
            + " ('D01', 'decision', '村委会成员中女性比例', 'percent', 'ge', 30, null, 'computed'),"
            + " ('C01', 'economy', '就业人员中女性比例', 'percent', 'approx', 45, 5, 'computed'),"
            + " ('N01', 'environment', '农村自来水普及率', 'percent', 'ge', 99, null, 'reported'),"
            + " ('F02', 'family', '粗离婚率', 'per_1000', 'monitor', null, null, 'computed')",
        "create table indicator_value (indicator_code varchar, year integer, area_code varchar,"
            + " residence varchar, sex varchar, value double, status varchar, provisional boolean)",
        // 2025, the latest complete year: H02 not met and projected to miss, D01 not met, H12 met
        // but volatile, C01 met, H13 and F02 monitored, N01 without a return
        "insert into indicator_value values"
            + " ('H02', 2024, '652323000000', 'all', '0', 87.0, 'not_met', false),"
            + " ('H02', 2025, '652323000000', 'all', '0', 87.5, 'not_met', false),"
            + " ('H02', 2025, '652323100000', 'all', '0', 80.0, 'not_met', false),"
            + " ('H02', 2025, '652323200000', 'all', '0', 95.0, 'met', false),"
            + " ('D01', 2025, '652323000000', 'all', '0', 28.0, 'not_met', false),"
            + " ('D01', 2025, '652323000000', 'all', '2', 28.0, 'met', false),"
            + " ('H12', 2020, '652323000000', 'all', '0', 90.0, 'no_target', false),"
            + " ('H12', 2024, '652323000000', 'all', '0', 99.0, 'met', false),"
            + " ('H12', 2025, '652323000000', 'all', '0', 60.0, 'met', false),"
            + " ('C01', 2025, '652323000000', 'all', '0', 44.0, 'met', false),"
            + " ('H13', 2025, '652323000000', 'all', '0', 30.0, 'no_target', false),"
            + " ('F02', 2025, '652323000000', 'all', '0', 2.1, 'no_target', false),"
            + " ('N01', 2025, '652323000000', 'all', '0', null, 'no_data', false),"
            + " ('H02', 2026, '652323000000', 'all', '0', 10.0, 'not_met', true)",
        "create table indicator_warning (indicator_code varchar, year integer, area_code varchar,"
            + " residence varchar, sex varchar, kind varchar, message varchar,"
            + " projected_value double)",
        "insert into indicator_warning values"
            + " ('H02', 2025, '652323000000', 'all', '0', 'not_met', 'm', null),"
            + " ('H02', 2025, '652323000000', 'all', '0', 'projected_miss', 'm', 88.1),"
            + " ('D01', 2025, '652323000000', 'all', '0', 'not_met', 'm', null),"
            + " ('H12', 2025, '652323000000', 'all', '0', 'volatile', 'm', null),"
            + " ('H12', 2025, '652323100000', 'all', '0', 'projected_miss', 'm', 50),"
            + " ('N01', 2025, '652323000000', 'all', '0', 'no_data', '农村自来水普及率2025年无数据', null)",
        "create table fact_indicator_reports (indicator_code varchar, year integer,"
            + " department varchar)",
        "insert into fact_indicator_reports values ('N01', 2023, '水利局'), ('N01', 2024, '住建局')");
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
  }

  @Test
  void years_WhenTheLatestDeliveryIsIn2026_ThenTheLatestCompleteYearIs2025() throws SQLException {
    ReportYears years = ReportYears.read(db);

    assertThat(years.latestCompleteYear()).hasValue(2025);
    assertThat(years.provisional(2026)).isTrue();
    assertThat(years.provisional(2025)).isFalse();
    assertThat(years.inPlan(2026)).isFalse();
    assertThat(years.inPlan(2020)).isTrue();
  }

  @Test
  void attainment_CountsTheCountyRowOfEveryIndicator_AndWordsTheSentenceOfReportsMd()
      throws SQLException {
    AttainmentTable table = AttainmentTable.read(db, 2025);

    assertThat(table.county()).isEqualTo(new Attainment(2, 2, 1, 2, 0));
    assertThat(table.county().rate()).isEqualTo(50.0);
    assertThat(table.county().sentence())
        .isEqualTo("在可监测的4项指标中，已实现目标2项，未实现2项；另有2项仅作监测、1项暂无数据。达标率为50.0%。");
    assertThat(table.domains())
        .extracting(DomainAttainment::domain)
        .containsExactly(
            "health",
            "education",
            "economy",
            "decision",
            "social_security",
            "family",
            "environment",
            "law");
    assertThat(table.domains().get(0).attainment()).isEqualTo(new Attainment(1, 1, 0, 1, 0));
    assertThat(table.domains().get(0).title()).isEqualTo("妇女与健康");
    assertThat(table.domains().get(1).attainment().rate()).isNull();
  }

  @Test
  void digest_RanksNotMetAndProjectedMissFirst_ThenNotMet_ThenVolatile_OneEntryPerIndicator()
      throws SQLException {
    WarningDigest digest = WarningDigest.read(db, 2025);

    assertThat(digest.entries())
        .extracting(DigestEntry::indicatorCode, DigestEntry::digestClass, DigestEntry::rank)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("H02", DigestClass.NOT_MET_AND_PROJECTED_MISS, 1),
            org.assertj.core.groups.Tuple.tuple("D01", DigestClass.NOT_MET, 2),
            org.assertj.core.groups.Tuple.tuple("H12", DigestClass.VOLATILE, 3));
    DigestEntry h02 = digest.entries().get(0);
    assertThat(h02.gap()).isEqualTo(2.5);
    assertThat(h02.townshipsNotMet()).containsExactly(new DigestArea("652323100000", "甲镇"));
    assertThat(h02.text())
        .isEqualTo(
            "孕产妇系统管理率2025年为87.5%，比上年提高0.5个百分点；目标为不低于90%，距目标仍差2.5个百分点；"
                + "按2020年以来的趋势，预计2025年为88.1%，难以实现目标；未达标的乡镇：甲镇。");
    assertThat(digest.entries().get(2).text()).contains("较上年变化-39.4%，波动较大");
  }

  @Test
  void digest_ListsIndicatorsWithoutData_ByTheDepartmentThatLastReturnedThem() throws SQLException {
    WarningDigest digest = WarningDigest.read(db, 2025);

    assertThat(digest.missing())
        .containsExactly(new MissingData("住建局", "N01", "农村自来水普及率", "农村自来水普及率2025年无数据"));
  }

  @Test
  void departmentOfAComputedIndicator_IsTheSourceOfItsNumeratorsFact() {
    assertThat(Departments.ofComputed("H02")).isEqualTo("卫生健康部门");
    assertThat(Departments.ofComputed("D01")).isEqualTo("民政部门");
    assertThat(Departments.ofComputed("C01")).isEqualTo("人力资源和社会保障部门");
  }
}
