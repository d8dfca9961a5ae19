package wds.pipeline.synthetic;

/**
 * A statistical division of the synthetic county: the county, a township or farm, or a village or
 * community.
 *
 * @param code 12-digit statistical division code
 * @param name Chinese name (illustrative)
 * @param level {@code county}, {@code township} or {@code village}
 * @param parentCode the parent's code, null for the county
 * @param urbanRuralCode 城乡分类代码 of a village or community (111-123 urban, 210/220 rural)
 * @param committeeType {@code village} (村委会) or {@code residents} (居委会), for villages
 * @param township index of the township in {@link CountyAreas#townships()}, -1 for the county
 * @param weight share of the county's population living here (villages only)
 */
record Area(
    String code,
    String name,
    String level,
    String parentCode,
    String urbanRuralCode,
    String committeeType,
    int township,
    double weight) {

  boolean urban() {
    return urbanRuralCode != null && urbanRuralCode.startsWith("1");
  }
}
