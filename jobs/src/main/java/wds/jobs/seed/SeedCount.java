package wds.jobs.seed;

import java.util.Map;
import java.util.TreeMap;

/**
 * What seeding one file did: rows read from it, rows stored (inserted or upserted) and rows that a
 * typed source table cannot hold, by column and fault.
 */
record SeedCount(
    String source,
    String extract,
    String file,
    long read,
    long stored,
    Map<String, Long> unstorable) {

  SeedCount {
    unstorable = Map.copyOf(new TreeMap<>(unstorable));
  }

  long skipped() {
    return unstorable.values().stream().mapToLong(Long::longValue).sum();
  }

  @Override
  public String toString() {
    return String.format(
        "%s/%s %s: %d read, %d stored, %d not storable%s",
        source,
        extract,
        file,
        read,
        stored,
        skipped(),
        unstorable.isEmpty() ? "" : " " + unstorable);
  }
}
