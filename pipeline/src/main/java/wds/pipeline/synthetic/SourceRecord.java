package wds.pipeline.synthetic;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One record of a source system with its history: the versions it had, each with the time the
 * source system wrote it. A delivery shows the version current on its extract date; a delta shows
 * the records whose current version changed since the previous delivery.
 */
final class SourceRecord {

  /** One state of a record, written at {@code at}; {@code deleted} marks a tombstone. */
  record Version(LocalDateTime at, String[] values, boolean deleted) {}

  private final Extract extract;
  private final List<Version> versions = new ArrayList<>(2);

  SourceRecord(Extract extract) {
    this.extract = extract;
  }

  Extract extract() {
    return extract;
  }

  /** Adds a version; versions must be added in time order (a later one on the same second wins). */
  SourceRecord version(LocalDateTime at, Extract.Row row) {
    return add(new Version(at, row.values(), false));
  }

  SourceRecord tombstone(LocalDateTime at) {
    Version last = versions.get(versions.size() - 1);
    return add(new Version(at, last.values(), true));
  }

  private SourceRecord add(Version v) {
    if (!versions.isEmpty()) {
      LocalDateTime last = versions.get(versions.size() - 1).at();
      if (!v.at().isAfter(last)) {
        v = new Version(last.plusSeconds(1), v.values(), v.deleted());
      }
    }
    versions.add(v);
    return this;
  }

  /** The version current at the end of {@code day}, or null when the record did not exist yet. */
  Version at(LocalDate day) {
    Version current = null;
    for (Version v : versions) {
      if (v.at().toLocalDate().isAfter(day)) {
        break;
      }
      current = v;
    }
    return current;
  }

  Version last() {
    return versions.get(versions.size() - 1);
  }

  String key() {
    return extract.key(versions.get(0).values());
  }
}
