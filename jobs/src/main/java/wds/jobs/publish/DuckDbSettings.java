package wds.jobs.publish;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import wds.warehouse.DuckDbLimits;

/**
 * What DuckDB may take of the machine while a night loads and publishes ({@code wds.duckdb.*}): the
 * defaults fit the 2-core, 24 GiB county server that also serves analysts by day ({@link
 * DuckDbLimits#DEFAULT}).
 *
 * @param memoryLimit DuckDB's {@code memory_limit} ({@code wds.duckdb.memory-limit}, e.g. 1GB)
 * @param threads DuckDB's worker threads ({@code wds.duckdb.threads}, default 2)
 */
@ConfigurationProperties("wds.duckdb")
public record DuckDbSettings(
    @DefaultValue("1GB") String memoryLimit, @DefaultValue("2") int threads) {

  public DuckDbSettings {
    limits(memoryLimit, threads); // a mistyped setting fails at start-up, in one line
  }

  public DuckDbLimits limits() {
    return limits(memoryLimit, threads);
  }

  private static DuckDbLimits limits(String memoryLimit, int threads) {
    return new DuckDbLimits(memoryLimit, threads);
  }
}
