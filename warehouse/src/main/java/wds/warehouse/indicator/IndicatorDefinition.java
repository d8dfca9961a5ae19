package wds.warehouse.indicator;

import java.math.BigDecimal;
import java.util.List;

/**
 * How one computed indicator is computed, read from {@code indicators/<CODE>.yml}: its parts and
 * how its rows are cut. The catalogue says what it is; this says how to count it.
 *
 * @param code the indicator code
 * @param unit the unit (checked against the catalogue)
 * @param factor what numerator/denominator is multiplied by (the unit's, unless stated)
 * @param bySex rows for women, men and all (checked against the catalogue)
 * @param residenceSplit county rows also for urban and rural residence
 * @param areaLevels the area levels computed: county, township
 * @param interval how the 95% interval is computed (the unit's, unless stated)
 * @param numerator the numerator
 * @param denominator the denominator; null for counts
 * @param provisionalWhen a part whose presence in a cell makes its value provisional (H07's pending
 *     infants); null when none
 */
public record IndicatorDefinition(
    String code,
    Unit unit,
    BigDecimal factor,
    boolean bySex,
    boolean residenceSplit,
    List<String> areaLevels,
    IntervalMethod interval,
    Part numerator,
    Part denominator,
    Part provisionalWhen) {

  public IndicatorDefinition {
    areaLevels = List.copyOf(areaLevels);
  }

  /** Whether township rows are computed (not for education: schools serve several towns). */
  public boolean townships() {
    return areaLevels.contains("township");
  }
}
