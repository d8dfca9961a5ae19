package wds.pipeline.load;

import java.nio.file.Path;
import java.util.Set;
import wds.pipeline.pseudonym.Pseudonymiser;

/**
 * What the loader needs besides the data.
 *
 * @param indicatorCodes the codes of the indicator catalogue ({@code indicator_reports})
 * @param pseudonymiser turns identity numbers into person keys
 * @param quarantine the quarantine folder ({@code <home>/quarantine})
 */
public record LoadSettings(
    Set<String> indicatorCodes, Pseudonymiser pseudonymiser, Path quarantine) {

  public LoadSettings {
    indicatorCodes = Set.copyOf(indicatorCodes);
  }
}
