package wds.pipeline.validate;

import java.util.ArrayList;
import java.util.List;

/**
 * A file or table lacking columns its extract must have (or holding one of them twice, so that it
 * is unclear which to read): the whole delivery is refused.
 */
public final class MissingColumnsException extends Exception {

  private final List<String> missing;
  private final List<String> duplicated;

  public MissingColumnsException(String extract, List<String> missing) {
    this(extract, missing, List.of());
  }

  public MissingColumnsException(String extract, List<String> missing, List<String> duplicated) {
    super(message(extract, missing, duplicated));
    this.missing = List.copyOf(missing);
    this.duplicated = List.copyOf(duplicated);
  }

  private static String message(String extract, List<String> missing, List<String> duplicated) {
    List<String> faults = new ArrayList<>();
    if (!missing.isEmpty()) {
      faults.add("lacks column(s) " + String.join(", ", missing));
    }
    if (!duplicated.isEmpty()) {
      faults.add("has column(s) " + String.join(", ", duplicated) + " more than once");
    }
    return extract + " " + String.join("; ", faults);
  }

  /** The columns the file lacks, in schema order. */
  public List<String> missing() {
    return missing;
  }

  /** The columns the file has more than once. */
  public List<String> duplicated() {
    return duplicated;
  }
}
