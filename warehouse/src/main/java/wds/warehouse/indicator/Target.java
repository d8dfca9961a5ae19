package wds.warehouse.indicator;

import java.math.BigDecimal;

/**
 * The target of an indicator in a plan.
 *
 * @param op the operator
 * @param value the target value in the indicator's unit (null for up, down and monitor)
 * @param tolerance the half-width of an approx target (zero otherwise)
 */
public record Target(TargetOp op, BigDecimal value, BigDecimal tolerance) {

  public Target {
    tolerance = tolerance == null ? BigDecimal.ZERO : tolerance;
    if ((op == TargetOp.LT || op == TargetOp.GE || op == TargetOp.APPROX) && value == null) {
      throw new IllegalArgumentException(op.code() + " needs a target value");
    }
  }
}
