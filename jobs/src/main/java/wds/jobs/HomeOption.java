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

  /** The home, its folders created, the log going to its {@code logs/} from now on. */
  public WdsHome create() {
    WdsHome created = home().create();
    WdsLogging.toHome(created);
    return created;
  }
}
