package wds.warehouse.indicator;

/**
 * One row of {@code indicator_value}, with two figures the warnings need besides.
 *
 * @param code indicator code
 * @param cell year, area, residence, sex
 * @param numerator the numerator (for counts: the count)
 * @param denominator the denominator; null for counts
 * @param value the value in the indicator's unit; null when there is no data
 * @param interval the 95% interval; null where none applies
 * @param targetOp the target operator
 * @param target the target value; null for up, down, monitor
 * @param status met, not_met, no_target, no_data
 * @param basis computed or reported
 * @param provisional whether the value can still change
 * @param events how many events the value rests on (the counting part), for the small-numbers
 *     warning; null when it rests on none (means)
 * @param sourcesDelivered whether the indicator's sources had anything for the year (a reported
 *     indicator: whether a return came in)
 */
public record IndicatorValue(
    String code,
    Cell cell,
    Double numerator,
    Double denominator,
    Double value,
    Interval interval,
    TargetOp targetOp,
    Double target,
    Status status,
    Basis basis,
    boolean provisional,
    Double events,
    boolean sourcesDelivered) {}
