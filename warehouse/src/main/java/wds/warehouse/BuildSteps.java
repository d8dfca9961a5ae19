package wds.warehouse;

/**
 * A listener told when each part of a warehouse build ends (a model layer, the indicator engine,
 * the warnings, the indicator tables), so that a benchmark can time the parts; the build itself
 * never depends on it.
 */
@FunctionalInterface
public interface BuildSteps {

  /** The listener of a build nobody times. */
  BuildSteps NONE = step -> {};

  /** The part named {@code step} has just ended. */
  void finished(String step);
}
