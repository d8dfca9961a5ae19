package wds.pipeline.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Optional;
import wds.schemas.sql.SqlFile;

/**
 * The high-water marks of JDBC pulls, one per source and extract, kept in the work database's
 * {@code etl_watermark} table.
 *
 * <p>A mark moves only with the rows it stands for: call {@link #advance} on the connection and in
 * the transaction that commits the pull's rows, so a pull that fails leaves its mark where it was
 * and the next pull asks again for everything after it.
 */
public final class Watermarks {

  private static final String CREATE = sql("etl_watermark.sql");
  private static final String GET = sql("watermark_get.sql");
  private static final String ADVANCE = sql("watermark_advance.sql");

  private Watermarks() {}

  private static String sql(String name) {
    return SqlFile.load(Watermarks.class, name).withoutComments().sql();
  }

  /** Creates {@code etl_watermark} if the work database has none yet. */
  public static void ensureTable(Connection warehouse) throws SQLException {
    try (Statement s = warehouse.createStatement()) {
      s.execute(CREATE);
    }
  }

  /** The mark of a source's extract; empty before its first committed pull (pull everything). */
  public static Optional<LocalDateTime> highWater(
      Connection warehouse, String source, String extract) throws SQLException {
    ensureTable(warehouse);
    try (PreparedStatement s = warehouse.prepareStatement(GET)) {
      s.setString(1, source);
      s.setString(2, extract);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getObject(1, LocalDateTime.class)) : Optional.empty();
      }
    }
  }

  /**
   * Moves the mark forward to {@code seen} (the latest {@code updated_at} of a committed pull),
   * never back. Does not commit: the caller's transaction carries it with the rows.
   *
   * @param seen null when the pull read no row: the mark stays
   */
  public static void advance(
      Connection warehouse, String source, String extract, LocalDateTime seen) throws SQLException {
    if (seen == null) {
      return;
    }
    ensureTable(warehouse);
    try (PreparedStatement s = warehouse.prepareStatement(ADVANCE)) {
      s.setString(1, source);
      s.setString(2, extract);
      s.setObject(3, seen);
      s.executeUpdate();
    }
  }
}
