package wds.warehouse.indicator;

/**
 * One indicator of the catalogue (a row of indicators.csv), with the plan's target.
 *
 * @param code the indicator code (H01, E02, ...)
 * @param domain health, education, economy, ...
 * @param nameZh the Chinese name, used in warning messages
 * @param nameEn the English name
 * @param unit the unit of the value
 * @param target the plan's target
 * @param basis computed or reported
 * @param bySex whether rows for women, men and all are given
 * @param numerator the numerator in words
 * @param denominator the denominator in words
 * @param planItem the plan's goal or measure it monitors
 */
public record CatalogueEntry(
    String code,
    String domain,
    String nameZh,
    String nameEn,
    Unit unit,
    Target target,
    Basis basis,
    boolean bySex,
    String numerator,
    String denominator,
    String planItem) {

  public CatalogueEntry withTarget(Target newTarget) {
    return new CatalogueEntry(
        code,
        domain,
        nameZh,
        nameEn,
        unit,
        newTarget,
        basis,
        bySex,
        numerator,
        denominator,
        planItem);
  }
}
