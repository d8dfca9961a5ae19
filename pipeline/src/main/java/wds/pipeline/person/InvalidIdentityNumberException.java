package wds.pipeline.person;

/**
 * An identity number that is not one. The message names the fault, never the number: identity
 * numbers must not reach logs or exception traces.
 */
public final class InvalidIdentityNumberException extends Exception {

  /** What is wrong with the number. */
  public enum Fault {
    /** Wrong length or characters, or an impossible birth date inside the number. */
    FORMAT,
    /** The check character does not match the first 17 digits. */
    CHECKSUM
  }

  private final Fault fault;

  public InvalidIdentityNumberException(Fault fault, String why) {
    // no stack trace: a bad number is an ordinary bad row, and there are many of them
    super(why, null, false, false);
    this.fault = fault;
  }

  public Fault fault() {
    return fault;
  }
}
