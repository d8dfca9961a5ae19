package wds.jobs.load;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import wds.pipeline.load.LoadLanes;

/**
 * How the load job uses the machine ({@code wds.load.*}).
 *
 * @param lanes how many sources load at once after {@code population} ({@code wds.load.lanes},
 *     default 2, one per core of the county server); 1 loads them one after the other
 */
@ConfigurationProperties("wds.load")
public record LoadJobSettings(@DefaultValue("" + LoadLanes.DEFAULT) int lanes) {

  public LoadJobSettings {
    if (lanes < 1) {
      throw new IllegalArgumentException("wds.load.lanes must be at least 1, not " + lanes);
    }
  }
}
