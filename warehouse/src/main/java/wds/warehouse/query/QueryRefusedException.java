package wds.warehouse.query;

import java.sql.SQLException;

/**
 * A query the sandbox does not run or stopped: its message is one line that names what is not
 * allowed (a statement kind, file access, a setting, an extension, a second statement) or the limit
 * it ran into.
 */
public final class QueryRefusedException extends SQLException {

  /** Why the query was refused or stopped. */
  public enum Reason {
    /** Not a statement that reads: COPY, ATTACH, SET, INSERT, CALL, PIVOT... */
    NOT_A_READ,
    /** More than one statement in the text. */
    MANY_STATEMENTS,
    /** The text does not parse. */
    SYNTAX,
    /** A file outside the snapshot was to be read or written. */
    FILE_ACCESS,
    /** A setting was to be changed. */
    CONFIGURATION,
    /** An extension was to be installed or loaded. */
    EXTENSION,
    /** The query ran longer than its time limit. */
    TIME_LIMIT
  }

  private final Reason reason;
  private final String keyword;

  public QueryRefusedException(Reason reason, String keyword, String message) {
    super(message);
    this.reason = reason;
    this.keyword = keyword;
  }

  public Reason reason() {
    return reason;
  }

  /** The statement's first keyword as written, upper case ("COPY"), or "" when it has none. */
  public String keyword() {
    return keyword;
  }
}
