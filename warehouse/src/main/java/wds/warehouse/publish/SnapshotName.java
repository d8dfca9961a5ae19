package wds.warehouse.publish;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a snapshot file, {@code wds-<yyyyMMdd-HHmmss>[-n].duckdb}: when it was built, and a
 * sequence number when two were built in the same second. Names order by build time.
 */
public record SnapshotName(LocalDateTime builtAt, int sequence)
    implements Comparable<SnapshotName> {

  public static final String SUFFIX = ".duckdb";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private static final Pattern NAME =
      Pattern.compile("wds-(\\d{8}-\\d{6})(?:-(\\d+))?" + Pattern.quote(SUFFIX));
  private static final Comparator<SnapshotName> ORDER =
      Comparator.comparing(SnapshotName::builtAt).thenComparingInt(SnapshotName::sequence);

  public SnapshotName {
    builtAt = builtAt.withNano(0);
  }

  /** The snapshot a file name names, if it names one. */
  public static Optional<SnapshotName> parse(String fileName) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      return Optional.empty();
    }
    int sequence = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    return Optional.of(new SnapshotName(LocalDateTime.parse(m.group(1), STAMP), sequence));
  }

  /** The file name, {@code wds-20250101-020000.duckdb} or {@code wds-20250101-020000-1.duckdb}. */
  public String fileName() {
    return "wds-" + STAMP.format(builtAt) + (sequence == 0 ? "" : "-" + sequence) + SUFFIX;
  }

  /** The name without {@code .duckdb}, used for lake and feed versions built from it. */
  public String stem() {
    return fileName().substring(0, fileName().length() - SUFFIX.length());
  }

  public SnapshotName next() {
    return new SnapshotName(builtAt, sequence + 1);
  }

  @Override
  public int compareTo(SnapshotName other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return fileName();
  }
}
