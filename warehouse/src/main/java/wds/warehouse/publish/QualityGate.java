package wds.warehouse.publish;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A data-quality check a snapshot must pass before it is published. Gates run on the writer's
 * connection while the new snapshot is still attached as {@code catalog}; they only read.
 */
public interface QualityGate {

  /** A short name for reports ({@code audit-reconciliation}). */
  String name();

  /** The faults found; empty when the snapshot passes. */
  List<GateFailure> check(Connection connection, String catalog) throws SQLException;
}
