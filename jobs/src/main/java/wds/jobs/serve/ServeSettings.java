package wds.jobs.serve;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import wds.jobs.WdsHome;

/**
 * The dashboard's settings: the home it reads ({@code wds.home}, set by {@code wds serve --home})
 * and the nightly schedule it announces on the data page ({@code wds.schedule.cron}, county time).
 *
 * @param home the wds home
 * @param schedule the nightly schedule
 */
@ConfigurationProperties("wds")
public record ServeSettings(Path home, @DefaultValue Schedule schedule) {

  /** The part of {@code wds.schedule} the data page shows. */
  public record Schedule(
      @DefaultValue("0 0 2 * * ?") String cron, @DefaultValue("Asia/Shanghai") String zone) {}

  public WdsHome wdsHome() {
    return new WdsHome(home);
  }

  /** The home as a {@link WdsHome}. */
  public WdsHome homeFolders() {
    return wdsHome();
  }
}
