package wds.jobs;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --home} option every command takes. */
public final class HomeOption {

  @Option(
      names = "--home",
      paramLabel = "DIR",
      defaultValue = "${env:WDS_HOME:-var}",
      description = "where wds keeps everything (default: $WDS_HOME or ./var)")
  Path home;

  public WdsHome home() {
    return new WdsHome(home);
  }
}
