package wds.warehouse.warning;

import wds.warehouse.indicator.Cell;

/**
 * One row of {@code indicator_warning}: a warning about one indicator value, with the figures it
 * rests on.
 *
 * @param code indicator code
 * @param cell year, area, residence, sex
 * @param kind the kind of warning
 * @param message the warning in Chinese, for county officials
 * @param value the value
 * @param ciLow lower bound of its 95% interval
 * @param ciHigh upper bound
 * @param targetOp the target operator
 * @param target the target value (null for up, down, monitor)
 * @param baselineValue the baseline year's value of the same series
 * @param previousValue the previous year's value (volatile)
 * @param projectedValue the trend's value in the plan's final year (projected_miss)
 * @param pooledNumerator numerators pooled over Y-2..Y (small_numbers)
 * @param pooledDenominator denominators pooled over Y-2..Y
 * @param pooledValue the value of the pooled figures
 */
public record IndicatorWarning(
    String code,
    Cell cell,
    WarningKind kind,
    String message,
    Double value,
    Double ciLow,
    Double ciHigh,
    String targetOp,
    Double target,
    Double baselineValue,
    Double previousValue,
    Double projectedValue,
    Double pooledNumerator,
    Double pooledDenominator,
    Double pooledValue) {}
