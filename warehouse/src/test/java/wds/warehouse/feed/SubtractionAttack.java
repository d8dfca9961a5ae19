package wds.warehouse.feed;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What an outsider does with a published table: wherever a total and all but one of its parts are
 * known, subtract to get the last one, and repeat until nothing more follows. Independent of the
 * linear algebra the suppression uses, so tests can hold one against the other.
 */
final class SubtractionAttack {

  /** A total and its parts, as cell keys. */
  record Sum<K>(K total, List<K> parts) {}

  private SubtractionAttack() {}

  /** Every cell value the attack learns, starting from the published ones. */
  static <K> Map<K, Double> run(Map<K, Double> published, List<Sum<K>> sums) {
    Map<K, Double> known = new HashMap<>(published);
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Sum<K> sum : sums) {
        List<K> cells = new java.util.ArrayList<>(sum.parts());
        cells.add(sum.total());
        List<K> unknown = cells.stream().filter(c -> !known.containsKey(c)).toList();
        if (unknown.size() != 1) {
          continue;
        }
        K target = unknown.get(0);
        double parts =
            sum.parts().stream().filter(known::containsKey).mapToDouble(known::get).sum();
        known.put(target, target.equals(sum.total()) ? parts : known.get(sum.total()) - parts);
        progress = true;
      }
    }
    return known;
  }

  static <K> Function<K, Boolean> learns(Map<K, Double> known) {
    return known::containsKey;
  }
}
