package wds.pipeline.load;

/** A manifest that cannot be read or does not describe its delivery: the delivery is refused. */
public final class InvalidManifestException extends Exception {

  public InvalidManifestException(String message) {
    super(message);
  }
}
