package wds.pipeline.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One delivery's unit of work on the work database, shared by the file and the JDBC paths: the
 * extracts staged for it, then {@link #begin}, {@link #merge} and {@link #audit} in one
 * transaction, and {@link #commit} with their quarantines, or {@link #close} without a commit,
 * which rolls everything back and throws the quarantines away. Either way the staging tables go.
 */
final class DeliveryTransaction implements AutoCloseable {

  private final Connection connection;
  private final OdsMerger merger;
  private final LoadAudit audit;
  private final List<StagedExtract> staged = new ArrayList<>();
  private boolean begun;
  private boolean committed;

  DeliveryTransaction(Connection connection, OdsMerger merger, LoadAudit audit) {
    this.connection = connection;
    this.merger = merger;
    this.audit = audit;
  }

  /** An extract staged for this delivery: merged later, its staging dropped at the end. */
  void staged(StagedExtract extract) {
    staged.add(extract);
  }

  /** Opens the transaction: nothing from here on is seen until {@link #commit}. */
  void begin() throws SQLException {
    connection.setAutoCommit(false);
    begun = true;
  }

  /**
   * Upserts one staged extract into its ODS table; returns the rows a full file deleted by leaving
   * them out.
   */
  long merge(StagedExtract extract, LocalDate deliveryDate) throws SQLException {
    return merger.merge(extract, deliveryDate);
  }

  /** Writes one audit row ({@code etl_delivery}, with its {@code etl_reject} counts). */
  void audit(ExtractResult result) throws SQLException {
    audit.record(result);
  }

  /**
   * Commits the delivery. A file's quarantine, which replaces the night's, goes in place before the
   * commit: if the process dies in between, the delivery is loaded again and its quarantine
   * rewritten. A pull's quarantine, which adds to the day's, goes in place after it: a pull done
   * again would add its rows twice.
   */
  void commit() throws SQLException {
    for (StagedExtract s : staged) {
      if (!s.quarantine().appends()) {
        s.quarantine().commit();
      }
    }
    connection.commit();
    committed = true;
    for (StagedExtract s : staged) {
      if (s.quarantine().appends()) {
        s.quarantine().commit();
      }
    }
  }

  /** Rolls back what was not committed, discards its quarantines and drops the staging tables. */
  @Override
  public void close() throws SQLException {
    if (begun) {
      if (!committed) {
        connection.rollback();
      }
      connection.setAutoCommit(true);
    }
    for (StagedExtract s : staged) {
      if (!committed) {
        s.quarantine().discard();
      }
      merger.dropStaging(s.statements());
    }
  }
}
