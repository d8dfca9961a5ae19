package wds.jobs;

/**
 * The columns a terminal gives a text: East Asian wide and fullwidth characters (Chinese county
 * names, fullwidth punctuation) take two, everything else one. What every table a command prints
 * pads with, so that columns after a Chinese name line up.
 */
public final class DisplayWidth {

  private DisplayWidth() {}

  /** The columns {@code text} takes on a terminal. */
  public static int of(String text) {
    return text.codePoints().map(c -> isWide(c) ? 2 : 1).sum();
  }

  /** {@code text} followed by spaces up to {@code columns} display columns (never cut). */
  public static String padRight(String text, int columns) {
    return text + " ".repeat(Math.max(0, columns - of(text)));
  }

  /**
   * Whether a code point is East Asian Wide or Fullwidth (Unicode UAX #11): Hangul Jamo, the CJK
   * blocks from radicals to Yi, Hangul syllables, compatibility ideographs, vertical and small
   * forms, the fullwidth forms (not the halfwidth ones from U+FF61) and the supplementary
   * ideographic planes.
   */
  private static boolean isWide(int c) {
    return (c >= 0x1100 && c <= 0x115F)
        || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F)
        || (c >= 0xAC00 && c <= 0xD7A3)
        || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0xFE10 && c <= 0xFE19)
        || (c >= 0xFE30 && c <= 0xFE6F)
        || (c >= 0xFF00 && c <= 0xFF60)
        || (c >= 0xFFE0 && c <= 0xFFE6)
        || (c >= 0x20000 && c <= 0x3FFFD);
  }
}
