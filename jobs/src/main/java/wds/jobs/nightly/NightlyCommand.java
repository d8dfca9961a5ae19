package wds.jobs.nightly;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import wds.jobs.HomeOption;
import wds.jobs.PseudonymSecret;
import wds.jobs.WdsHome;
import wds.jobs.load.LoadCommand;

/**
 * {@code wds nightly}: the whole nightly job once, by hand: load every waiting delivery, build and
 * publish the warehouse snapshot, the Parquet lake and the public feed. What {@code wds schedule}
 * runs every night.
 */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    description = {
      "Run the nightly job once: load, then publish snapshot, lake and public feed.",
      "Loads every delivery of the drop folder, then builds the star schema, indicators and",
      "warnings into a new snapshot, gates it and publishes it whole, with the Parquet lake and the",
      "public feed. When nothing they are made from has changed since the last publication",
      "(no delivery loaded, same settings, same as-of year, same build of wds), that publication",
      "is kept. Exit code 0 done, 2 a delivery was refused (the rest is loaded and published),",
      "1 the job failed (run it again to resume)."
    })
public final class NightlyCommand implements Callable<Integer> {

  @Mixin HomeOption homeOption;

  @Option(
      names = "--drop",
      paramLabel = "DIR",
      description = "the drop folder (default: <home>/drop)")
  Path drop;

  @Option(
      names = "--region",
      paramLabel = "FILE",
      description =
          "run every county of a region as a partition, then build the region (jobs/REGIONS.md)")
  Path region;

  @Option(
      names = "--full",
      description = "publish even when nothing has changed since the last publication")
  boolean full;

  @Override
  public Integer call() {
    if (region != null) {
      return wds.jobs.region.RegionNightly.run(wds.jobs.region.RegionFile.load(region), System.out);
    }
    WdsHome planned = homeOption.home();
    Path dropFolder = drop == null ? planned.drop() : drop.toAbsolutePath().normalize();
    if (drop != null) {
      LoadCommand.requireReadableFolder(dropFolder);
    }
    PseudonymSecret.require(planned);
    return LoadCommand.run(
        homeOption.create(),
        dropFolder,
        0,
        NightlyJobConfiguration.JOB,
        full ? Map.of(NightlyJobConfiguration.FULL, "true") : Map.of());
  }
}
