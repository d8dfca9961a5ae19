package wds.pipeline.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.pipeline.pseudonym.Pseudonymiser;
import wds.schemas.SchemaCatalog;

class LoadLanesTest {

  @TempDir Path tmp;

  @Test
  void laneOrder_StartsWithTheLargestSource_ThenTheCataloguesOrder_WithoutTheFirst() {
    assertThat(
            LoadLanes.laneOrder(
                List.of("population", "health", "education", "civil", "hr", "reports")))
        .containsExactly("hr", "health", "education", "civil", "reports");
    assertThat(LoadLanes.laneOrder(SchemaCatalog.load().sources()))
        .doesNotContain("population")
        .startsWith("hr");
  }

  @Test
  void run_WhenTwoCallersRunAtOnce_ThenEachHasALoaderOnItsOwnConnectionToTheSameDatabase()
      throws Exception {
    SchemaCatalog catalog = SchemaCatalog.load();
    try (WorkDatabase db = WorkDatabase.open(tmp.resolve("work.duckdb"), catalog);
        LoadLanes lanes =
            LoadLanes.open(
                db,
                2,
                catalog,
                new LoadSettings(
                    Set.of("X"), Pseudonymiser.fromKey(new byte[32]), tmp.resolve("quarantine")),
                LoadListener.NONE)) {
      CountDownLatch both = new CountDownLatch(2);
      CompletableFuture<Connection> first = CompletableFuture.supplyAsync(() -> held(lanes, both));
      CompletableFuture<Connection> second = CompletableFuture.supplyAsync(() -> held(lanes, both));

      Connection a = first.get(30, TimeUnit.SECONDS);
      Connection b = second.get(30, TimeUnit.SECONDS);
      assertThat(lanes.size()).isEqualTo(2);
      assertThat(a).isNotSameAs(b);
      assertThat(List.of(a, b)).contains(db.connection());
      // the other lane sees the work database's tables
      try (var st = (a == db.connection() ? b : a).createStatement();
          var rs = st.executeQuery("SELECT count(*) FROM etl_delivery")) {
        assertThat(rs.next()).isTrue();
      }
    }
  }

  /** Borrows a lane and holds it until the other caller holds one too; its connection. */
  private static Connection held(LoadLanes lanes, CountDownLatch both) {
    try {
      return lanes.run(
          loader -> {
            both.countDown();
            try {
              assertThat(both.await(20, TimeUnit.SECONDS)).as("both lanes held at once").isTrue();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException(e);
            }
            return loader.connection();
          });
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
