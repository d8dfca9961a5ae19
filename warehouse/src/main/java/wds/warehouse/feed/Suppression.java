package wds.warehouse.feed;

/** Why a cell of the public feed is withheld. */
public enum Suppression {
  /** The cell itself counts 1 to 4 persons at township level. */
  PRIMARY,
  /** The cell would let a primary one be worked back from the published totals. */
  SECONDARY;

  /** The value of the feed's {@code suppressed} column. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  static Suppression of(CellTable.State state) {
    return switch (state) {
      case PRIMARY -> PRIMARY;
      case SECONDARY -> SECONDARY;
      default -> null;
    };
  }
}
