package wds.warehouse.feed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * A set of cells that add up, as a disclosure problem: every cell is published, withheld (primary
 * or secondary), hidden (never published, such as an empty value or the urban part of a mixed
 * township) or fixed (known to everyone, such as a total published elsewhere); relations say that a
 * total equals the sum of its parts. {@link #protect()} adds secondary suppressions until no
 * withheld cell can be worked back ({@link DisclosureCheck}).
 */
final class CellTable {

  enum State {
    PUBLISHED,
    PRIMARY,
    SECONDARY,
    HIDDEN,
    FIXED
  }

  /** {@code Σ coefficients[i] · cells[i] = 0}. */
  record Relation(int[] cells, int[] coefficients) {}

  private final List<State> states = new ArrayList<>();
  private final List<Double> values = new ArrayList<>();
  private final List<Boolean> margins = new ArrayList<>();
  private final List<Relation> relations = new ArrayList<>();
  private final List<List<Integer>> relationsOf = new ArrayList<>();

  /**
   * Adds a cell of the table; {@code margin} marks a total (county level, both sexes, all ages)
   * that is withheld only when no inner cell will do.
   */
  int cell(Double value, boolean primary, boolean margin) {
    State state = value == null ? State.HIDDEN : primary ? State.PRIMARY : State.PUBLISHED;
    return add(state, value, margin);
  }

  /** Adds a value no one sees. */
  int hidden() {
    return add(State.HIDDEN, null, false);
  }

  /** Adds a value everyone may know though it is not in this table. */
  int fixed() {
    return add(State.FIXED, null, true);
  }

  private int add(State state, Double value, boolean margin) {
    states.add(state);
    values.add(value);
    margins.add(margin);
    relationsOf.add(new ArrayList<>());
    return states.size() - 1;
  }

  /** Says that {@code total} is the sum of {@code parts}. */
  void sum(int total, List<Integer> parts) {
    int[] cells = new int[parts.size() + 1];
    int[] coefficients = new int[parts.size() + 1];
    cells[0] = total;
    coefficients[0] = -1;
    for (int i = 0; i < parts.size(); i++) {
      cells[i + 1] = parts.get(i);
      coefficients[i + 1] = 1;
    }
    relations.add(new Relation(cells, coefficients));
    for (int cell : cells) {
      relationsOf.get(cell).add(relations.size() - 1);
    }
  }

  List<Relation> relations() {
    return relations;
  }

  State state(int cell) {
    return states.get(cell);
  }

  void withhold(int cell) {
    if (states.get(cell) == State.PUBLISHED) {
      states.set(cell, State.SECONDARY);
    }
  }

  boolean isUnknown(int cell) {
    State s = states.get(cell);
    return s == State.PRIMARY || s == State.SECONDARY || s == State.HIDDEN;
  }

  boolean isWithheld(int cell) {
    State s = states.get(cell);
    return s == State.PRIMARY || s == State.SECONDARY;
  }

  /**
   * Withholds further cells until no withheld cell follows from the rest. For each disclosed cell
   * it withholds one published cell that shares a relation with it: an inner cell before a total, a
   * non-zero one before a zero (a zero is often known to be empty), the smallest first (the least
   * information lost), then the first added.
   */
  void protect() {
    Comparator<Integer> cheapest =
        Comparator.<Integer, Boolean>comparing(margins::get)
            .thenComparing(c -> values.get(c) == 0.0)
            .thenComparingDouble(values::get)
            .thenComparingInt(c -> c);
    for (TreeSet<Integer> disclosed = DisclosureCheck.disclosed(this);
        !disclosed.isEmpty();
        disclosed = DisclosureCheck.disclosed(this)) {
      TreeSet<Integer> touched = new TreeSet<>();
      for (int cell : disclosed) {
        if (relationsOf.get(cell).stream().anyMatch(touched::contains)) {
          continue; // a cell withheld this round may already protect it; check again
        }
        TreeSet<Integer> candidates = new TreeSet<>(cheapest);
        for (int r : relationsOf.get(cell)) {
          for (int other : relations.get(r).cells()) {
            if (states.get(other) == State.PUBLISHED) {
              candidates.add(other);
            }
          }
        }
        if (candidates.isEmpty()) {
          // Its own relations are spent; any published cell that adds up with an unknown one.
          for (Relation relation : relations) {
            boolean withUnknown = false;
            for (int c : relation.cells()) {
              withUnknown |= isUnknown(c);
            }
            for (int c : withUnknown ? relation.cells() : new int[0]) {
              if (states.get(c) == State.PUBLISHED) {
                candidates.add(c);
              }
            }
          }
        }
        if (candidates.isEmpty()) {
          throw new IllegalStateException(
              "a withheld cell cannot be protected: every cell it adds up with is withheld or fixed");
        }
        int chosen = candidates.first();
        withhold(chosen);
        touched.addAll(relationsOf.get(chosen));
      }
    }
  }
}
