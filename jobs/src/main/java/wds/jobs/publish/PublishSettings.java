package wds.jobs.publish;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a county may change about publishing ({@code wds.publish.*}).
 *
 * @param plan the plan whose indicators and targets are computed: a class-path resource ({@code
 *     wds/warehouse/plans/2021-2025.yml}) or a file path; the next plan is a new file, no code
 * @param keep how many published snapshots stay readable
 */
@ConfigurationProperties("wds.publish")
public record PublishSettings(
    @DefaultValue("wds/warehouse/plans/2021-2025.yml") String plan, @DefaultValue("7") int keep) {}
