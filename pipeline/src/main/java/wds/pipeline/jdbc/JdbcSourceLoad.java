package wds.pipeline.jdbc;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import wds.pipeline.load.DeliveryLoader;
import wds.pipeline.load.DeliveryResult;
import wds.schemas.CountyClock;
import wds.schemas.ExtractSchema;
import wds.schemas.SchemaCatalog;

/**
 * The load of one source configured as {@code jdbc}: each of its extracts pulled from its
 * high-water mark and loaded through the loader's pull path (validate, stage, merge, audit, as a
 * file), whose transaction reconciles the counts and moves the mark ({@link PullSource}) before its
 * commit.
 */
public final class JdbcSourceLoad {

  private final JdbcPulls pulls;
  private final SchemaCatalog catalog;
  private final LocalDate pullDate;

  /**
   * @param pullDate the day every pull is loaded as (its delivery date, and the limit of {@code
   *     FUTURE_DATE}); null for the county's today
   */
  public JdbcSourceLoad(JdbcPulls pulls, SchemaCatalog catalog, LocalDate pullDate) {
    this.pulls = pulls;
    this.catalog = catalog;
    this.pullDate = pullDate;
  }

  /** Whether {@code source} is pulled from its database rather than read from the drop folder. */
  public boolean pulls(String source) {
    return pulls.isJdbc(source);
  }

  /**
   * Makes the high-water mark table in the work database when any source is pulled, before the
   * load's lanes start: two sources' first pulls at once would otherwise both create it, and one of
   * the two would fail on DuckDB's catalog conflict.
   */
  public void prepare(Connection warehouse) throws SQLException {
    if (catalog.sources().stream().anyMatch(pulls::isJdbc)) {
      Watermarks.ensureTable(warehouse);
    }
  }

  /** The day of a pull run now: the configured pull date, else today on the county's clock. */
  public LocalDate day() {
    return pullDate != null ? pullDate : CountyClock.today();
  }

  /** Pulls and loads every extract of {@code source}, in the catalogue's order. */
  public List<DeliveryResult> load(String source, DeliveryLoader loader)
      throws SQLException, IOException {
    LocalDate day = day();
    List<DeliveryResult> results = new ArrayList<>();
    for (ExtractSchema schema : catalog.ofSource(source)) {
      results.add(loader.loadPull(schema, new PullSource(pulls, loader.connection(), schema), day));
    }
    return results;
  }
}
