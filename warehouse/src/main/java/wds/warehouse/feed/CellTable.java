package wds.warehouse.feed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A set of cells that add up, as a disclosure problem: every cell is published, withheld (primary
 * or secondary), hidden (never published, such as an empty value or the urban part of a mixed
 * township) or fixed (known to everyone, such as a total published elsewhere); relations say that a
 * total equals the sum of its parts. {@link #protect()} adds secondary suppressions until no
 * withheld cell can be worked back ({@link DisclosureCheck}).
 */
final class CellTable {

  private static final Logger log = LoggerFactory.getLogger(CellTable.class);

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
  private final List<String> labels = new ArrayList<>();
  private final List<Relation> relations = new ArrayList<>();
  private final Set<Integer> knownAnyway = new HashSet<>();
  private final List<List<Integer>> relationsOf = new ArrayList<>();

  /**
   * Adds a cell of the table; {@code margin} marks a total (county level, both sexes, all ages)
   * that is withheld only when no inner cell will do.
   */
  int cell(Double value, boolean primary, boolean margin) {
    return cell(value, primary, margin, null);
  }

  /** Adds a cell with a label that names it in error messages (never its value). */
  int cell(Double value, boolean primary, boolean margin, String label) {
    State state = value == null ? State.HIDDEN : primary ? State.PRIMARY : State.PUBLISHED;
    int id = add(state, value, margin);
    labels.set(id, label);
    return id;
  }

  /** The cell's label, or its number when it has none. */
  String label(int cell) {
    String label = labels.get(cell);
    return label == null ? (states.get(cell) == State.FIXED ? "(known total)" : "#" + cell) : label;
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
    labels.add(null);
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
   * it withholds one published cell that shares a relation with it: an inner cell before a total,
   * one that closes a rectangle (on more lines already holding an unknown cell) before one on a
   * fresh line, a non-zero one before a zero (a zero is often known to be empty), the smallest
   * first (the least information lost), then the first added.
   *
   * <p>Assumed totals ({@link #fixed()}) come first: where the totals taken as known would give a
   * withheld cell away by themselves, no withholding in this table could protect it, so the most
   * specific of those totals is no longer taken as known (it could not be published without giving
   * the cell away either) and a warning names the cell. Published cells that the remaining totals
   * give away are never chosen: withholding them would protect nothing. Should a disclosed cell
   * still find no published cell to withhold, the whole table is withheld; the job never fails
   * here, and never publishes a disclosive cell.
   */
  void protect() {
    settleTotals();
    Comparator<Integer> cheapest =
        Comparator.<Integer, Boolean>comparing(margins::get)
            .thenComparing(Comparator.comparingInt(this::closing).reversed())
            .thenComparing(c -> values.get(c) == 0.0)
            .thenComparingDouble(values::get)
            .thenComparingInt(c -> c);
    Set<Integer> unprotectable = new HashSet<>();
    for (TreeSet<Integer> disclosed = disclosed(unprotectable);
        !disclosed.isEmpty();
        disclosed = disclosed(unprotectable)) {
      TreeSet<Integer> touched = new TreeSet<>();
      for (int cell : disclosed) {
        if (relationsOf.get(cell).stream().anyMatch(touched::contains)) {
          continue; // a cell withheld this round may already protect it; check again
        }
        TreeSet<Integer> candidates = new TreeSet<>(cheapest);
        for (int r : relationsOf.get(cell)) {
          for (int other : relations.get(r).cells()) {
            if (isCandidate(other)) {
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
              if (isCandidate(c)) {
                candidates.add(c);
              }
            }
          }
        }
        if (candidates.isEmpty()) {
          // Nothing published leads to it: the assumed totals alone do (a withheld cell they
          // give away, such as a county cell withheld after the totals were settled).
          if (!settleTotals() && !withholdAll()) {
            log.info(
                "{} cannot be protected in its table; it stays withheld, and so does every cell"
                    + " of the table",
                label(cell));
            unprotectable.add(cell);
          }
          break; // check again from the start
        }
        int chosen = candidates.first();
        withhold(chosen);
        touched.addAll(relationsOf.get(chosen));
      }
    }
  }

  /**
   * How many of a cell's relations already hold an unknown cell besides it: withholding a cell on
   * two such lines closes a rectangle of withheld cells, where one on a fresh line only moves the
   * problem there (and, in a table of three dimensions with known margins, lets it spread).
   */
  private int closing(int cell) {
    int lines = 0;
    for (int r : relationsOf.get(cell)) {
      for (int other : relations.get(r).cells()) {
        if (other != cell && isUnknown(other)) {
          lines++;
          break;
        }
      }
    }
    return lines;
  }

  private TreeSet<Integer> disclosed(Set<Integer> unprotectable) {
    TreeSet<Integer> disclosed = DisclosureCheck.disclosed(this);
    disclosed.removeAll(unprotectable);
    return disclosed;
  }

  private boolean isCandidate(int cell) {
    return states.get(cell) == State.PUBLISHED && !knownAnyway.contains(cell);
  }

  /**
   * Stops taking as known any total that, with the other assumed totals, gives a withheld cell away
   * by itself; returns whether one was dropped. Remembers the published cells the remaining totals
   * give away.
   */
  private boolean settleTotals() {
    boolean dropped = false;
    while (true) {
      TreeMap<Integer, List<Integer>> known = DisclosureCheck.knownFromTotals(this);
      Integer given = null;
      for (int cell : known.keySet()) {
        if (isWithheld(cell)) {
          given = cell;
          break;
        }
      }
      if (given == null) {
        knownAnyway.clear();
        knownAnyway.addAll(known.keySet());
        return dropped;
      }
      // The most specific assumed total in the combination: the one with the fewest parts, the
      // least likely to be published anywhere (a both-sexes count of one age group, say, before a
      // population total by sex), the last added on a tie.
      int total = -1;
      int parts = Integer.MAX_VALUE;
      for (int r : known.get(given)) {
        Relation relation = relations.get(r);
        for (int c : relation.cells()) {
          if (states.get(c) == State.FIXED && relation.cells().length <= parts) {
            total = c;
            parts = relation.cells().length;
          }
        }
      }
      if (total < 0) {
        return dropped; // given away by the relations' shape alone; protect() handles it
      }
      // routine in a sparse mart (hundreds a night): worth a look when tuning, not an alarm
      log.debug(
          "{}: the assumed totals alone would give it away; {} is taken as unpublished",
          label(given),
          describeTotal(total));
      states.set(total, State.HIDDEN);
      dropped = true;
    }
  }

  /** Withholds every published cell; returns whether there was one. */
  private boolean withholdAll() {
    boolean any = false;
    for (int c = 0; c < states.size(); c++) {
      if (states.get(c) == State.PUBLISHED) {
        states.set(c, State.SECONDARY);
        any = true;
      }
    }
    if (any) {
      log.info("{}: no single cell protects a withheld one; the whole table is withheld", label(0));
    }
    return any;
  }

  /** An assumed total named by its parts. */
  private String describeTotal(int total) {
    List<String> parts = new ArrayList<>();
    for (int r : relationsOf.get(total)) {
      for (int c : relations.get(r).cells()) {
        if (c != total) {
          parts.add(label(c));
        }
      }
    }
    return "the total of " + parts;
  }
}
