package wds.jobs.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import wds.warehouse.Plan;

/**
 * What a county may change about publishing ({@code wds.publish.*}).
 *
 * @param plan the plan whose indicators and targets are computed: a class-path resource ({@code
 *     wds/warehouse/plans/2021-2025.yml}) or a file path; the next plan is a new file, no code
 * @param keep how many published snapshots stay readable
 */
@ConfigurationProperties("wds.publish")
public record PublishSettings(
    @DefaultValue(Plan.STANDARD) String plan, @DefaultValue("7") int keep) {

  /** The configured plan: a file when one exists at that path, else a class-path resource. */
  public Plan readPlan() {
    Path file = Path.of(plan);
    return Files.isRegularFile(file) ? Plan.load(file) : Plan.fromClasspath(plan);
  }
}
