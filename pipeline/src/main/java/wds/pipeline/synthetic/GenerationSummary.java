package wds.pipeline.synthetic;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What one run of the generator delivered.
 *
 * @param settings the settings it ran with (the extract date is this delivery's)
 * @param previousDate the previous delivery's date for a delta, null for a full delivery
 * @param files every file delivered, in source and extract order
 * @param faultsInjected faulty rows written (a duplicate-key pair counts twice)
 * @param registry the simulated registry's year-end population and flows
 * @param deltaTouches for a delta, per extract ({@code source/extract}): records changed by the
 *     simulation, tombstoned, re-verified and re-sent unchanged
 */
public record GenerationSummary(
    GeneratorSettings settings,
    LocalDate previousDate,
    List<DeliveredFile> files,
    long faultsInjected,
    RegistrySummary registry,
    Map<String, long[]> deltaTouches) {

  public long rows() {
    return files.stream().mapToLong(DeliveredFile::rows).sum();
  }

  public boolean delta() {
    return previousDate != null;
  }
}
