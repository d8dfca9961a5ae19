package wds.warehouse.feed;

/** The small-cell rule of the public feed: a township-level count of 1 to 4 persons is withheld. */
final class SmallCells {

  static final double SMALLEST = 1;
  static final double LARGEST = 4;

  private SmallCells() {}

  static boolean isPrimary(String areaCode, Double persons) {
    return AreaLevel.of(areaCode) == AreaLevel.TOWNSHIP
        && persons != null
        && persons >= SMALLEST
        && persons <= LARGEST;
  }
}
