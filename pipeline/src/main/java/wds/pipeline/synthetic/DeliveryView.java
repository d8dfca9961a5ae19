package wds.pipeline.synthetic;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Which records a delivery shows and in which state: a full delivery shows every live record as it
 * stood at the end of its extract date; a delta shows what changed since the previous delivery,
 * plus what source systems send on any night: records re-verified (same content, newer {@code
 * updated_at}), records sent again unchanged, and records deleted by a clerk (tombstones).
 *
 * @param date the extract date
 * @param previous the previous delivery's extract date, null for a full delivery
 * @param seed the generator's seed
 * @param expectedRecords roughly how many records the county has (sets the nightly touch rates so
 *     that a night has some dozens of them whatever the county's size)
 */
record DeliveryView(LocalDate date, LocalDate previous, long seed, long expectedRecords) {

  private static final long TOPIC = 90;

  /** What a delta does with a record that did not change by itself. */
  enum Touch {
    NONE,
    TOMBSTONE,
    REVERIFIED,
    RESENT
  }

  boolean delta() {
    return previous != null;
  }

  /** The night's touch of a record, drawn from its key and the date. */
  Touch touch(Extract extract, String key) {
    double u =
        Dice.unit(Dice.hash(seed, TOPIC, extract.ordinal(), key.hashCode(), date.toEpochDay()));
    double tomb = Math.min(0.01, 20.0 / expectedRecords);
    double reverified = Math.min(0.02, 60.0 / expectedRecords);
    double resent = Math.min(0.05, 150.0 / expectedRecords);
    if (u < tomb) {
      return Touch.TOMBSTONE;
    } else if (u < tomb + reverified) {
      return Touch.REVERIFIED;
    } else if (u < tomb + reverified + resent) {
      return Touch.RESENT;
    }
    return Touch.NONE;
  }

  /** When the night's clerk touched a record: some time in the evening of the extract date. */
  LocalDateTime touchTime(Extract extract, String key) {
    long h = Dice.hash(seed, TOPIC + 1, extract.ordinal(), key.hashCode(), date.toEpochDay());
    return date.atTime(18, 0).plusSeconds(Math.floorMod(h, 5 * 3600L));
  }
}
