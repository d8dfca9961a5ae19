package wds.warehouse.feed;

/**
 * The level of an area, read from its 12-digit statistical division code (GB/T 2260 county code,
 * then three digits of township and three of village): {@code 652323000000} is the county, {@code
 * 652323100000} a township, {@code 652323100201} a village or community.
 */
public enum AreaLevel {
  COUNTY,
  TOWNSHIP,
  VILLAGE;

  public static AreaLevel of(String code) {
    String c = code.strip();
    if (c.length() <= 6 || c.endsWith("000000")) {
      return COUNTY;
    }
    return c.endsWith("000") ? TOWNSHIP : VILLAGE;
  }

  /** The county a township or village belongs to: its first six digits. */
  public static String county(String code) {
    String c = code.strip();
    return c.length() <= 6 ? c : c.substring(0, 6) + "0".repeat(c.length() - 6);
  }

  /** The township a village belongs to: its first nine digits. */
  public static String township(String code) {
    String c = code.strip();
    return c.length() <= 9 ? c : c.substring(0, 9) + "0".repeat(c.length() - 9);
  }
}
