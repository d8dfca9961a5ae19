package wds.pipeline.synthetic;

/**
 * One county of the generator's built-in list ({@link BuiltInCounties}).
 *
 * @param code 12-digit statistical division code
 * @param name Chinese name
 * @param prefecture 12-digit code of its prefecture
 * @param size registry size relative to the largest county of the list
 * @param townships how many towns and townships it has
 */
public record CountyProfile(
    String code, String name, String prefecture, double size, int townships) {

  /** The six-digit administrative code, the prefix of its area and identity numbers. */
  public String code6() {
    return code.substring(0, 6);
  }

  /**
   * The seed this county's simulation runs with for a region seed: Hutubi keeps the seed as given
   * (so its deliveries stay those of {@code wds generate}), any other county mixes in its code so
   * that no two counties draw the same persons.
   */
  public long seedFor(long seed) {
    return code.equals(BuiltInCounties.HUTUBI)
        ? seed
        : Dice.hash(seed, 0x52e6_1011L, Long.parseLong(code6()));
  }

  /** The registry size of this county when the largest county of a region has {@code largest}. */
  public int personsFor(int largest, double regionLargest) {
    return Math.max(100, (int) Math.round(largest * size / regionLargest));
  }
}
