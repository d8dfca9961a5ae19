package wds.pipeline.validate;

import java.util.List;

/** A file or table lacking columns its extract must have: the whole delivery is refused. */
public final class MissingColumnsException extends Exception {

  private final List<String> missing;

  public MissingColumnsException(String extract, List<String> missing) {
    super(extract + " lacks column(s) " + String.join(", ", missing));
    this.missing = List.copyOf(missing);
  }

  public List<String> missing() {
    return missing;
  }
}
