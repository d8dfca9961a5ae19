package wds.jobs.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import wds.jobs.WdsApplication;
import wds.jobs.WdsHome;

/**
 * The batch application every other command starts (the nightly among them) runs without a web
 * server and without the dashboard's beans, although the web libraries are on the class path.
 */
class BatchApplicationWithoutWebTest {

  @Test
  void theBatchApplication_StartsNoWebServer_AndNoneOfTheDashboard(@TempDir Path tmp) {
    try (ConfigurableApplicationContext context =
        WdsApplication.start(new WdsHome(tmp.resolve("home")))) {
      assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
      assertThat(context.getBeanNamesForType(Dashboard.class)).isEmpty();
      assertThat(context.getBeanNamesForType(LoginThrottle.class)).isEmpty();
      assertThat(
              context.getBeanNamesForType(
                  org.springframework.security.web.SecurityFilterChain.class))
          .isEmpty();
    }
  }
}
