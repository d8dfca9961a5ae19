package wds.jobs.serve;

/** A page or API request for something the snapshot does not hold: answered 404 in words. */
public final class NotFound extends RuntimeException {
  public NotFound(String message) {
    super(message);
  }
}
