package wds.jobs;

import java.nio.file.Files;
import wds.pipeline.pseudonym.Pseudonymiser;

/**
 * Where a home's pseudonymisation secret comes from ({@code WDS_PSEUDONYM_KEY}, else {@code
 * state/pseudonym.key}), checked before a command that needs it changes anything.
 */
public final class PseudonymSecret {

  private PseudonymSecret() {}

  /** Whether the secret comes from the environment rather than the home. */
  public static boolean fromEnvironment() {
    String value = System.getenv(Pseudonymiser.ENV);
    return value != null && !value.isBlank();
  }

  /**
   * Refuses, in one line naming {@code wds init} and {@code WDS_PSEUDONYM_KEY}, when the home has
   * no secret and the environment gives none.
   */
  public static void require(WdsHome home) {
    if (!fromEnvironment() && !Files.exists(home.pseudonymKey())) {
      throw new OperatorException(missing(home));
    }
  }

  /** The one line that says the secret is missing and how to give one. */
  public static String missing(WdsHome home) {
    return "no pseudonymisation secret: "
        + home.pseudonymKey()
        + " does not exist and "
        + Pseudonymiser.ENV
        + " is not set; run `wds init --home "
        + home.root()
        + "` once for a new home, or set "
        + Pseudonymiser.ENV
        + " to the secret the bureau keeps";
  }
}
