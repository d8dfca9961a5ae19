package wds.warehouse.indicator;

/**
 * The years of a build, from {@code build_context}.
 *
 * @param firstYear the first data year (the plan's baseline)
 * @param lastYear the last data year (the latest delivery's year, not after the as-of day)
 * @param provisionalFromYear values of this year and later can still change
 */
public record BuildYears(int firstYear, int lastYear, int provisionalFromYear) {}
