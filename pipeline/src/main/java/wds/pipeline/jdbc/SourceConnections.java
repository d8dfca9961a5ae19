package wds.pipeline.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The source systems' databases as pulls see them: which sources deliver through theirs, where each
 * extract lies, how many rows to fetch at a time, and a new connection. The application implements
 * it from its settings (where the passwords are), so the pipeline never reads those.
 */
public interface SourceConnections {

  /** Whether {@code source} delivers through its database rather than a drop folder. */
  boolean isJdbc(String source);

  /** The table or view an extract of {@code source} is pulled from. */
  TableName table(String source, String extract);

  /** Rows fetched from {@code source}'s database at a time. */
  int fetchSize(String source);

  /** A new connection to {@code source}'s database, which must deliver through it. */
  Connection connect(String source) throws SQLException;
}
