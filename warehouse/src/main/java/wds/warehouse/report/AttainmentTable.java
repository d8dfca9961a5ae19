package wds.warehouse.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import wds.schemas.sql.SqlFile;

/**
 * The attainment (达标) of a report year: the county's counts and the same by domain, in the
 * catalogue's domain order, counted on each indicator's county row (residence all, sex 0) as {@code
 * reports.md} says. One definition, read by the reports, the dashboard and {@code wds status}.
 */
public record AttainmentTable(int year, Attainment county, List<DomainAttainment> domains) {

  private static final SqlFile SQL = SqlFile.load("wds/warehouse/report/attainment.sql");

  public AttainmentTable {
    domains = List.copyOf(domains);
  }

  /**
   * The attainment of {@code year} in the snapshot open on {@code snapshot}. A connection whose
   * {@code indicator_value} says {@code withheld} for a status (the public feed's view) counts
   * those indicators apart, as 不公开.
   */
  public static AttainmentTable read(Connection snapshot, int year) throws SQLException {
    Map<Domain, Attainment> byDomain = new EnumMap<>(Domain.class);
    Attainment county = Attainment.NONE;
    try (PreparedStatement ps = snapshot.prepareStatement(SQL.sql())) {
      ps.setInt(1, year);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String status = rs.getString("status");
          county = county.plus(status);
          byDomain.merge(
              Domain.of(rs.getString("domain")),
              Attainment.NONE.plus(status),
              AttainmentTable::sum);
        }
      }
    }
    List<DomainAttainment> domains = new ArrayList<>();
    for (Domain d : Domain.values()) {
      domains.add(
          new DomainAttainment(d.code(), d.title(), byDomain.getOrDefault(d, Attainment.NONE)));
    }
    return new AttainmentTable(year, county, domains);
  }

  private static Attainment sum(Attainment a, Attainment b) {
    return new Attainment(
        a.met() + b.met(),
        a.notMet() + b.notMet(),
        a.noData() + b.noData(),
        a.noTarget() + b.noTarget(),
        a.withheld() + b.withheld());
  }
}
