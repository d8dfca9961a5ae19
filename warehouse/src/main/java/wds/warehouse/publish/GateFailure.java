package wds.warehouse.publish;

/**
 * One fault a quality gate found in a snapshot: the gate's name and the fault in words (a table, a
 * column, a count; never a value that could identify a person).
 */
public record GateFailure(String gate, String message) {

  @Override
  public String toString() {
    return gate + ": " + message;
  }
}
