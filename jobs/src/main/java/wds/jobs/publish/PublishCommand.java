package wds.jobs.publish;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import wds.jobs.HomeOption;
import wds.jobs.WdsHome;
import wds.jobs.load.LoadCommand;
import wds.jobs.nightly.NightlyJobConfiguration;

/**
 * {@code wds publish}: builds and publishes the warehouse from what is already loaded, without
 * loading anything (after changing the plan's targets, say).
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
    WdsHome home = homeOption.home().create();
    return LoadCommand.run(home, home.drop(), 0, NightlyJobConfiguration.PUBLISH_JOB);
  }
}
