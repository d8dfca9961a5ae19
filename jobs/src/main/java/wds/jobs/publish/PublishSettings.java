package wds.jobs.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import wds.warehouse.Plan;
import wds.warehouse.feed.AgeBands;

/**
 * What a county may change about publishing ({@code wds.publish.*}).
 *
 * @param plan the plan whose indicators and targets are computed: a class-path resource ({@code
 *     wds/warehouse/plans/2021-2025.yml}) or a file path; the next plan is a new file, no code
 * @param keep how many published snapshots stay readable
 * @param townshipAgeBands the age bands the townships' rows of {@code mart_sex_age} are recoded to
 *     in the public feed before small cells are withheld ({@code wds.publish.township-age-bands},
 *     {@link AgeBands}); the county keeps its 5-year groups
 */
@ConfigurationProperties("wds.publish")
public record PublishSettings(
    @DefaultValue(Plan.STANDARD) String plan,
    @DefaultValue("7") int keep,
    @DefaultValue(AgeBands.DEFAULT) String townshipAgeBands) {

  public PublishSettings {
    AgeBands.parse(townshipAgeBands); // a mistyped band fails at start-up, not after the snapshot
  }

  /** The township age bands of the public feed. */
  public AgeBands feedAgeBands() {
    return AgeBands.parse(townshipAgeBands);
  }

  /** The configured plan: a file when one exists at that path, else a class-path resource. */
  public Plan readPlan() {
    Path file = Path.of(plan);
    return Files.isRegularFile(file) ? Plan.load(file) : Plan.fromClasspath(plan);
  }
}
