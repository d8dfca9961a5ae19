package wds.pipeline.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import wds.pipeline.person.IdentityNumber;

/**
 * One member of the synthetic registry while it is simulated: who they are, when they came and
 * left, and where they lived. A person is simulated whole and then forgotten, so the registry never
 * sits in memory.
 */
final class Person {

  /** How a person entered the registry. */
  enum Entry {
    /** Living in the county when the registry opened. */
    INITIAL,
    /** Born in the county. */
    BORN,
    /** Moved in from elsewhere. */
    MIGRANT
  }

  /** How a person left the registry. */
  enum Exit {
    NONE,
    DEATH,
    MIGRATION
  }

  final long index;
  final LocalDate birth;
  final boolean female;
  final IdentityNumber id;
  final Entry entry;
  final LocalDate entered;

  /** The mother, whom a child follows when she moves until the child is 16; null if unknown. */
  final Person guardian;

  private LocalDate exited;
  private Exit exit = Exit.NONE;
  private final List<LocalDate> moveDates = new ArrayList<>(2);
  private final List<Integer> moveVillages = new ArrayList<>(2);

  Person(
      long index,
      LocalDate birth,
      boolean female,
      IdentityNumber id,
      Entry entry,
      LocalDate entered,
      int village,
      Person guardian) {
    this.index = index;
    this.birth = birth;
    this.female = female;
    this.id = id;
    this.entry = entry;
    this.entered = entered;
    this.guardian = guardian;
    moveDates.add(entered);
    moveVillages.add(village);
  }

  /** The day this person's own records may begin: birth for the initial registry, else entry. */
  LocalDate historyStart() {
    return entry == Entry.INITIAL ? birth : entered;
  }

  /** Records the day the person left the county (death or migration); the earliest exit wins. */
  void leave(LocalDate day, Exit how) {
    if (exited == null || day.isBefore(exited)) {
      exited = day;
      exit = how;
      while (moveDates.size() > 1 && !moveDates.get(moveDates.size() - 1).isBefore(day)) {
        moveDates.remove(moveDates.size() - 1);
        moveVillages.remove(moveVillages.size() - 1);
      }
    }
  }

  void move(LocalDate day, int village) {
    if (village != moveVillages.get(moveVillages.size() - 1)) {
      moveDates.add(day);
      moveVillages.add(village);
    }
  }

  /** The exit day (death or leaving), or null while still in the county at the horizon. */
  LocalDate exited() {
    return exited;
  }

  Exit exit() {
    return exit;
  }

  /** Whether the person lives in the county on {@code day}. */
  boolean presentOn(LocalDate day) {
    return !day.isBefore(entered) && (exited == null || day.isBefore(exited));
  }

  /**
   * The village lived in on {@code day}, or -1 when not in the county. Before entry, the initial
   * registry's members are taken to have lived in their first village.
   */
  int villageOn(LocalDate day) {
    if (exited != null && !day.isBefore(exited)) {
      return -1;
    }
    if (day.isBefore(entered)) {
      return entry == Entry.INITIAL && !day.isBefore(birth) ? moveVillages.get(0) : -1;
    }
    int v = moveVillages.get(0);
    for (int i = 1; i < moveDates.size(); i++) {
      if (moveDates.get(i).isAfter(day)) {
        break;
      }
      v = moveVillages.get(i);
    }
    return v;
  }

  /** The first village lived in (on entry). */
  int firstVillage() {
    return moveVillages.get(0);
  }

  /** The last village lived in. */
  int lastVillage() {
    return moveVillages.get(moveVillages.size() - 1);
  }

  int moves() {
    return moveDates.size() - 1;
  }

  LocalDate moveDate(int i) {
    return moveDates.get(i + 1);
  }

  int moveVillage(int i) {
    return moveVillages.get(i + 1);
  }

  /** The end of presence: the exit day, or the day after {@code horizon}. */
  LocalDate presentUntil(LocalDate horizon) {
    return exited == null ? horizon.plusDays(1) : exited;
  }

  int ageOn(LocalDate day) {
    return wds.pipeline.person.Age.on(birth, day);
  }

  LocalDate birthday(int age) {
    return birth.plusYears(age);
  }

  /**
   * The number as a source system writes it: mostly the 18 characters, now and then (persons of the
   * 1900s) a legacy 15-digit one kept from an old system, or a lower-case check {@code x}.
   */
  static String render(IdentityNumber id, Dice dice) {
    String n = id.normalised();
    if (n.startsWith("19", 6) && dice.chance(0.004)) {
      return id.legacyForm();
    }
    if (n.endsWith("X") && dice.chance(0.2)) {
      return n.substring(0, 17) + "x";
    }
    return n;
  }
}
