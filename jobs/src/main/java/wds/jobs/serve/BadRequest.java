package wds.jobs.serve;

/** A request the dashboard cannot answer as asked (a year out of range): answered 400 in words. */
public final class BadRequest extends RuntimeException {
  public BadRequest(String message) {
    super(message);
  }
}
