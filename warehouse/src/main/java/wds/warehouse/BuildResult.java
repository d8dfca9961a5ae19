package wds.warehouse;

/**
 * What a warehouse build made.
 *
 * @param models the model tables built
 * @param indicatorValues rows of indicator_value
 * @param warnings rows of indicator_warning
 * @param firstYear the first data year (the plan's baseline)
 * @param lastYear the last data year
 */
public record BuildResult(
    int models, int indicatorValues, int warnings, int firstYear, int lastYear) {}
