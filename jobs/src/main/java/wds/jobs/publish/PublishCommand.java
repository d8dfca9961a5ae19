package wds.jobs.publish;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import wds.jobs.HomeJobs;
import wds.jobs.HomeOption;
import wds.jobs.WdsHome;

/**
 * {@code wds publish}: runs the {@code publish} job, which builds and publishes the warehouse from
 * what is already loaded, without loading anything (after changing the plan's targets, say).
 */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Publish the warehouse from what is already loaded (no load).",
      "Builds the star schema, indicators and warnings into a new snapshot, gates it, publishes it",
      "whole, and writes the Parquet lake and the public feed."
    })
public final class PublishCommand implements Callable<Integer> {

  @Mixin HomeOption homeOption;

  @Override
  public Integer call() {
    WdsHome home = homeOption.create();
    return HomeJobs.run(
        home,
        PublishJobConfiguration.JOB,
        List.of(PublishJobConfiguration.JOB),
        Map.of(),
        Map.of(),
        (context, execution, seconds) -> {
          System.out.printf(
              Locale.ROOT,
              "%npublish %s in %.1f s%n  snapshots:  %s%n",
              execution.getStatus() == BatchStatus.COMPLETED ? "completed" : "FAILED",
              seconds,
              home.snapshots());
          return HomeJobs.failure(home, execution);
        });
  }
}
