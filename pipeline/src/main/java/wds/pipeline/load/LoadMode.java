package wds.pipeline.load;

import java.util.Locale;

/**
 * How a delivered file relates to what the warehouse holds: {@code full} holds every live record of
 * its extract (a record absent from it is deleted as of that delivery), {@code delta} only records
 * changed since the last delivery. JDBC pulls are always deltas.
 */
public enum LoadMode {
  FULL,
  DELTA;

  /** The mode named in a manifest ({@code full} or {@code delta}, any case). */
  public static LoadMode parse(String name) {
    if (name == null) {
      throw new IllegalArgumentException("no mode given (full or delta)");
    }
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "full" -> FULL;
      case "delta" -> DELTA;
      default -> throw new IllegalArgumentException("unknown mode '" + name + "' (full or delta)");
    };
  }

  /** The name used in manifests and the audit. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
