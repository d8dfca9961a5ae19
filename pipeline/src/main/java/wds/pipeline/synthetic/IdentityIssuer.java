package wds.pipeline.synthetic;

import java.time.LocalDate;
import java.util.List;
import wds.pipeline.person.IdentityNumber;

/**
 * Issues valid, unique identity numbers the way a public-security bureau does: per area, birth date
 * and sex, sequence numbers in order (odd for men, even for women) from an offset. Memory is fixed
 * (one counter per area, birth day and sex), whatever the number of persons.
 */
final class IdentityIssuer {

  /** Hutubi, where the default county's own people are registered. */
  static final String HUTUBI = "652323";

  /**
   * Where in-migrants were born: Changji prefecture's other counties, Urumqi, southern and northern
   * Xinjiang, and the provinces most Xinjiang migrants come from (Henan, Gansu, Sichuan, Chongqing,
   * Shandong, Jiangsu, Anhui).
   */
  static final List<String> ORIGINS =
      List.of(
          "652301", "652302", "652324", "652325", "652327", "652328", "650102", "650104", "650105",
          "654002", "653101", "652801", "411323", "410102", "412726", "620102", "622921", "621102",
          "510104", "513721", "500101", "500228", "370102", "321302", "341221");

  /** Relative weights of {@link #ORIGINS}: most in-migrants come from nearby. */
  static final double[] ORIGIN_WEIGHTS = {
    10, 3, 6, 4, 3, 2, 5, 3, 2, 2, 2, 2, 4, 2, 3, 4, 3, 2, 3, 2, 3, 2, 2, 1, 2
  };

  private static final LocalDate EPOCH = LocalDate.of(1880, 1, 1);
  private static final int DAYS =
      (int) (LocalDate.of(2100, 1, 1).toEpochDay() - EPOCH.toEpochDay());

  private final long seed;
  private final String county;
  private final List<String> origins;
  private final short[][] issued = new short[ORIGINS.size() + 1][];

  /**
   * An issuer for the county {@code county} (six digits): a county of the origins list has Hutubi
   * in its own place there, so that the weights stay those of a neighbour.
   */
  IdentityIssuer(long seed, String county) {
    this.seed = seed;
    this.county = county;
    this.origins = ORIGINS.stream().map(o -> o.equals(county) ? HUTUBI : o).toList();
  }

  /** The county's own prefix. */
  String county() {
    return county;
  }

  /** Where a person born elsewhere was born, weighted by {@link #ORIGIN_WEIGHTS}. */
  String origin(Dice d) {
    return origins.get(d.weighted(ORIGIN_WEIGHTS));
  }

  /**
   * A new number for a person born on {@code birth} in the area {@code prefix}; when that area's
   * 500 sequence numbers of the day are used up, the next area of the list issues it.
   */
  IdentityNumber issue(String prefix, LocalDate birth, boolean female) {
    int p = prefix.equals(county) ? 0 : 1 + origins.indexOf(prefix);
    if (p < 0) {
      throw new IllegalArgumentException("unknown area prefix " + prefix);
    }
    int day = (int) (birth.toEpochDay() - EPOCH.toEpochDay());
    int slot = day * 2 + (female ? 0 : 1);
    for (int attempt = 0; attempt < issued.length; attempt++) {
      int q = (p + attempt) % issued.length;
      if (issued[q] == null) {
        issued[q] = new short[DAYS * 2];
      }
      int k = issued[q][slot];
      if (k < 500) {
        issued[q][slot]++;
        String area = q == 0 ? county : origins.get(q - 1);
        int base = (int) Math.floorMod(Dice.hash(seed, q, day), 500L) * 2;
        int sequence = (base + 2 * k) % 1000 + (female ? 0 : 1);
        return IdentityNumber.of(area, birth, sequence);
      }
    }
    throw new IllegalStateException("no sequence numbers left for birth date " + birth);
  }
}
