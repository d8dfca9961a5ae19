package wds.warehouse.publish;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What fills a snapshot being built: the models, the indicators, anything analysts read. Called by
 * {@link SnapshotPublisher} with the writer's connection to the work database and the name of the
 * catalog the new snapshot file is attached as; everything it creates there is published together.
 */
@FunctionalInterface
public interface SnapshotContent {

  /**
   * Creates the snapshot's tables in {@code catalog} (for example {@code CREATE TABLE
   * snap.main.dim_sex AS ...}), reading the operational layer of the work database.
   */
  void fill(Connection work, String catalog) throws SQLException;
}
