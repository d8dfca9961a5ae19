package wds.warehouse.publish;

import java.util.List;

/** The quality gates every snapshot passes unless told otherwise. */
public final class QualityGates {

  private QualityGates() {}

  /**
   * The generic gates: the audit adds up, counts are not negative. No identity number in any text
   * column is one of the model tests ({@code ModelTests}, run by {@link ModelTestGate}), defined
   * there once.
   */
  public static List<QualityGate> standard() {
    return List.of(new AuditReconciliationGate(), new NonNegativeCountsGate());
  }
}
