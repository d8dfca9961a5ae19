package wds.pipeline.synthetic;

import java.util.List;
import java.util.Optional;

/**
 * The counties the generator knows: the seven counties and cities of Changji Prefecture (昌吉回族自治州,
 * 652300) and a few of other prefectures of Xinjiang (65), each with its relative size. Sizes are
 * relative to the largest county of the list (Changji City = 1.0), roughly in the proportions of
 * their registered populations; township counts and names of counties other than Hutubi are
 * illustrative and derived from the code, not the real gazetteer.
 */
public final class BuiltInCounties {

  /** Hutubi, the default county, whose layout is fixed by hand ({@link CountyAreas}). */
  public static final String HUTUBI = "652323000000";

  private static final List<CountyProfile> ALL =
      List.of(
          new CountyProfile("652301000000", "昌吉市", "652300000000", 1.00, 12),
          new CountyProfile("652302000000", "阜康市", "652300000000", 0.42, 8),
          new CountyProfile(HUTUBI, "呼图壁县", "652300000000", 0.45, 11),
          new CountyProfile("652324000000", "玛纳斯县", "652300000000", 0.55, 10),
          new CountyProfile("652325000000", "奇台县", "652300000000", 0.50, 14),
          new CountyProfile("652327000000", "吉木萨尔县", "652300000000", 0.30, 9),
          new CountyProfile("652328000000", "木垒哈萨克自治县", "652300000000", 0.20, 11),
          new CountyProfile("652901000000", "阿克苏市", "652900000000", 0.95, 10),
          new CountyProfile("652922000000", "温宿县", "652900000000", 0.60, 12),
          new CountyProfile("654002000000", "伊宁市", "654000000000", 0.90, 9),
          new CountyProfile("654021000000", "伊宁县", "654000000000", 0.85, 16));

  private BuiltInCounties() {}

  /** Every built-in county, Changji's seven first. */
  public static List<CountyProfile> all() {
    return ALL;
  }

  /** The built-in county of a 12-digit (or 6-digit) code. */
  public static Optional<CountyProfile> find(String code) {
    String full = code != null && code.length() == 6 ? code + "000000" : code;
    return ALL.stream().filter(c -> c.code().equals(full)).findFirst();
  }

  /**
   * The built-in county of a code, or an exception naming the codes there are.
   *
   * @throws IllegalArgumentException the code is not in the list
   */
  public static CountyProfile get(String code) {
    return find(code)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no built-in county "
                        + code
                        + "; known: "
                        + String.join(
                            ", ", ALL.stream().map(c -> c.code().substring(0, 6)).toList())));
  }
}
