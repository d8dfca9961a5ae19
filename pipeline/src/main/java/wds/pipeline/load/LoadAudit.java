package wds.pipeline.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import wds.pipeline.validate.RejectReason;
import wds.schemas.sql.SqlFile;

/**
 * The load audit in the work database: {@code etl_delivery} (one row per file or JDBC pull) and
 * {@code etl_reject} (rejected rows per source, extract, delivery date and reason). Written in the
 * same transaction as the data it describes, so the audit says exactly what the warehouse holds.
 */
public final class LoadAudit {

  private final Connection connection;

  public LoadAudit(Connection connection) {
    this.connection = connection;
  }

  /** Creates the audit tables if they are not there. */
  public void create() throws SQLException {
    try (Statement st = connection.createStatement()) {
      for (String sql : file("create_audit_tables").statements(Map.of())) {
        st.execute(sql);
      }
    }
  }

  /**
   * Records one file or pull.
   *
   * @throws ReconciliationException when its rows do not reconcile; nothing is recorded
   */
  public void record(ExtractResult r) throws SQLException {
    if (!r.reconciles()) {
      throw new ReconciliationException(r);
    }
    try (PreparedStatement ps = connection.prepareStatement(sql("insert_delivery"))) {
      ps.setString(1, r.source());
      ps.setString(2, r.extract());
      ps.setObject(3, r.deliveryDate());
      ps.setString(4, r.file());
      ps.setString(5, r.connector());
      ps.setString(6, r.mode() == null ? null : r.mode().label());
      ps.setLong(7, r.rowsRead());
      ps.setLong(8, r.rowsLoaded());
      ps.setLong(9, r.rowsRejected());
      ps.setString(10, r.sha256());
      ps.setString(11, r.status().label());
      ps.setString(12, r.message());
      ps.setString(13, r.manifestSha256());
      ps.setObject(14, r.startedAt());
      ps.setObject(15, r.finishedAt());
      ps.setLong(16, r.absentDeleted());
      ps.executeUpdate();
    }
    if (r.rejects().isEmpty()) {
      return;
    }
    try (PreparedStatement ps = connection.prepareStatement(sql("add_rejects"))) {
      for (Map.Entry<RejectReason, Long> e : r.rejects().entrySet()) {
        ps.setString(1, r.source());
        ps.setString(2, r.extract());
        ps.setObject(3, r.deliveryDate());
        ps.setString(4, e.getKey().name());
        ps.setLong(5, e.getValue());
        ps.executeUpdate();
      }
    }
  }

  /** Whether this manifest of this source and night was loaded before. */
  public boolean loaded(String source, LocalDate date, String manifestSha256) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql("delivery_loaded"))) {
      ps.setString(1, source);
      ps.setObject(2, date);
      ps.setString(3, manifestSha256);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }

  /** The fault recorded when this manifest of this source and night was last refused. */
  public Optional<String> lastRefusal(String source, LocalDate date, String manifestSha256)
      throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql("last_refusal"))) {
      ps.setString(1, source);
      ps.setObject(2, date);
      ps.setString(3, manifestSha256 == null ? "" : manifestSha256);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /** Every area code the operational layer knows. */
  public Set<String> knownAreas() throws SQLException {
    Set<String> areas = new HashSet<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql("known_areas"))) {
      while (rs.next()) {
        areas.add(rs.getString(1));
      }
    }
    return areas;
  }

  private static String sql(String name) {
    return file(name).statement(Map.of());
  }

  /** A file of {@code wds/pipeline/load/sql/}, without its comment lines. */
  static SqlFile file(String name) {
    return SqlFile.load(LoadAudit.class, "sql/" + name + ".sql").withoutComments();
  }
}
