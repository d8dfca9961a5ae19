package wds.pipeline.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Merges a staged file or pull into its operational-layer table: the upsert by primary key (last
 * writer wins on {@code updated_at}, tombstones kept) and, for a full file, the deletion of live
 * records it leaves out. Runs inside the caller's transaction.
 */
public final class OdsMerger {

  private final Connection connection;

  public OdsMerger(Connection connection) {
    this.connection = connection;
  }

  /**
   * Merges one staged extract.
   *
   * @return how many live records a full file deleted by leaving them out (0 for a delta)
   */
  public long merge(StagedExtract staged, LocalDate deliveryDate) throws SQLException {
    OdsStatements sql = staged.statements();
    boolean first = isEmpty(sql);
    if (!first) {
      update(staged, deliveryDate, sql);
    }
    // a first load adds every staged record: no key can be in the table yet
    try (PreparedStatement insert =
        connection.prepareStatement(sql.single(first ? "insert_first" : "insert_new"))) {
      insert.setObject(1, deliveryDate);
      insert.setString(2, staged.origin());
      insert.executeUpdate();
    }
    if (staged.mode() != LoadMode.FULL || first) {
      return 0;
    }
    LocalDateTime stamp = tombstoneStamp(deliveryDate);
    try (PreparedStatement delete = connection.prepareStatement(sql.single("tombstone_absent"))) {
      delete.setObject(1, stamp);
      delete.setObject(2, deliveryDate);
      delete.setString(3, staged.origin());
      delete.setObject(4, deliveryDate);
      delete.setObject(5, stamp);
      return delete.executeUpdate();
    }
  }

  /**
   * Whether the table is empty: on a first load the UPDATE join, the insert's anti-join and the
   * full-mode scan find nothing and are skipped (pipeline/INGESTION-LOADING.md).
   */
  private boolean isEmpty(OdsStatements sql) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql.single("ods_is_empty"))) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  private void update(StagedExtract staged, LocalDate deliveryDate, OdsStatements sql)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(sql.single("update_existing"))) {
      update.setObject(1, deliveryDate);
      update.setString(2, staged.origin());
      update.setObject(3, deliveryDate);
      update.executeUpdate();
    }
  }

  /** Drops the staging tables of an extract (after its merge, or when its delivery is refused). */
  public void dropStaging(OdsStatements sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      for (String statement : sql.sql("drop_staging")) {
        st.execute(statement);
      }
    }
  }

  /**
   * The {@code updated_at} of a tombstone written because a full file left its record out: the
   * start of the delivery's extract date. Every version delivered on an earlier night is older, so
   * an older replay cannot revive the record; a change on or after that instant is newer, so a
   * record changed since (and delivered by a newer delivery) is not deleted by an older full file.
   */
  public static LocalDateTime tombstoneStamp(LocalDate deliveryDate) {
    return deliveryDate.atStartOfDay();
  }
}
