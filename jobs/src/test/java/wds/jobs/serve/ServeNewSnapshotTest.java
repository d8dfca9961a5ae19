package wds.jobs.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import wds.jobs.WdsCli;
import wds.warehouse.publish.Snapshots;

/**
 * A snapshot published while the dashboard runs is what the next request shows, without a restart;
 * the request before it read the previous snapshot whole.
 */
class ServeNewSnapshotTest {

  @Test
  void aSnapshotPublishedWhileServing_IsShownOnTheNextRequest() throws Exception {
    ServedCounty county = ServedCounty.get();
    MockMvc mvc =
        MockMvcBuilders.webAppContextSetup((WebApplicationContext) county.context)
            .apply(springSecurity())
            .build();
    Snapshots snapshots = new Snapshots(county.home.snapshots());
    String before = snapshots.current().orElseThrow().getFileName().toString();
    assertThat(page(mvc)).contains(before);

    // the nightly's publish step, run while the dashboard holds the current snapshot open
    int code = WdsCli.commandLine().execute("publish", "--home", county.home.root().toString());
    assertThat(code).isZero();
    Path after = snapshots.current().orElseThrow();
    assertThat(after.getFileName().toString()).isNotEqualTo(before);

    String html = page(mvc);
    assertThat(html).contains(after.getFileName().toString()).doesNotContain(before);
  }

  static String page(MockMvc mvc) throws Exception {
    return mvc.perform(get("/").with(user(ServedCounty.USER)))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
