package wds.jobs;

/**
 * A fault the operator fixes (a folder, a setting, a secret, a server, another wds at work), said
 * in one line that names what to do. The command line prints the message alone, never a stack
 * trace, and exits 1; commands throw it before they change anything in the home.
 */
public final class OperatorException extends RuntimeException {

  public OperatorException(String message) {
    super(message);
  }

  public OperatorException(String message, Throwable cause) {
    super(message, cause);
  }
}
