package wds.warehouse.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The totals of the public tables' dimensions: which values are sums of which. */
final class Hierarchies {

  private Hierarchies() {}

  /** Labels an age-group total may carry in the mart. */
  static final Set<String> AGE_TOTALS = Set.of("total", "all", "合计", "总计");

  /** A county is the sum of its townships (villages are not in the public feed). */
  static Map<String, List<String>> areas(Set<String> present) {
    Map<String, List<String>> totals = new LinkedHashMap<>();
    for (String area : present) {
      if (AreaLevel.of(area) == AreaLevel.TOWNSHIP) {
        totals.computeIfAbsent(AreaLevel.county(area), c -> new ArrayList<>()).add(area);
      }
    }
    return totals;
  }

  /** All ({@code 0}) is the sum of women ({@code 2}), men ({@code 1}) and any other code. */
  static Map<String, List<String>> sexes(Set<String> present) {
    List<String> parts = present.stream().filter(s -> !s.equals("0")).toList();
    return parts.isEmpty() ? Map.of() : Map.of("0", parts);
  }

  /** {@code all} is the sum of {@code urban} and {@code rural}. */
  static Map<String, List<String>> residences(Set<String> present) {
    List<String> parts = present.stream().filter(r -> !r.equals("all")).toList();
    return parts.isEmpty() ? Map.of() : Map.of("all", parts);
  }

  /** The total age group, or a virtual one, is the sum of the 5-year groups. */
  static Map<String, List<String>> ageGroups(Set<String> present) {
    String total =
        present.stream().filter(Hierarchies::isAgeTotal).findFirst().orElse("\u0000total");
    List<String> parts = present.stream().filter(a -> !isAgeTotal(a)).toList();
    return parts.isEmpty() ? Map.of() : Map.of(total, parts);
  }

  /**
   * Age groups some of which are recoded to broader bands: the total, or a virtual one, is the sum
   * of the bands and of the groups that are their own band; each band is the sum of its groups. In
   * the feed the townships carry bands and the county its 5-year groups, with hidden band cells
   * beside them, so a band adds up over the townships as it does over the county's groups.
   */
  static CrossTable.Totals ageBands(AgeBands bands) {
    return present -> {
      Map<String, List<String>> totals = new LinkedHashMap<>();
      String total =
          present.stream().filter(Hierarchies::isAgeTotal).findFirst().orElse("\u0000total");
      List<String> top = new ArrayList<>();
      for (String group : present) {
        if (isAgeTotal(group)) {
          continue;
        }
        String band = bands.bandOf(group).orElse(group);
        if (band.equals(group) || !present.contains(band)) {
          top.add(group);
        } else {
          totals.computeIfAbsent(band, b -> new ArrayList<>()).add(group);
        }
      }
      if (!top.isEmpty()) {
        totals.put(total, top);
      }
      return totals;
    };
  }

  static boolean isAgeTotal(String ageGroup) {
    return AGE_TOTALS.contains(ageGroup.strip().toLowerCase(Locale.ROOT));
  }
}
