package wds.warehouse.publish;

import java.util.List;

/** The quality gates every snapshot passes unless told otherwise. */
public final class QualityGates {

  private QualityGates() {}

  /**
   * The generic gates: the audit adds up and its counts are not negative. The warehouse's own
   * counts ({@code non_negative}) and the absence of identity numbers in any text column are model
   * tests ({@code ModelTests}, run by {@link ModelTestGate}), defined there once.
   */
  public static List<QualityGate> standard() {
    return List.of(new AuditReconciliationGate());
  }
}
