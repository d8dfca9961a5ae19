package wds.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder where wds keeps everything of one installation (README, "The home"). Every command
 * takes it as {@code --home}; nothing is written outside it except where a command is told to.
 */
public record WdsHome(Path root) {

  public WdsHome {
    root = root.toAbsolutePath().normalize();
  }

  /** Incoming deliveries, one folder per source ({@code drop/health/...}). */
  public Path drop() {
    return root.resolve("drop");
  }

  /** Operator-only state: job repository, pseudonymisation secret, locks. */
  public Path state() {
    return root.resolve("state");
  }

  /** The pseudonymisation secret used when {@code WDS_PSEUDONYM_KEY} is not set. */
  public Path pseudonymKey() {
    return state().resolve("pseudonym.key");
  }

  /** The H2 file (without its {@code .mv.db} suffix) holding the Spring Batch job repository. */
  public Path jobRepository() {
    return state().resolve("jobrepo");
  }

  /** The nightly writer's DuckDB file: operational layer and load audit. */
  public Path workDatabase() {
    return root.resolve("warehouse").resolve("work.duckdb");
  }

  /** Published warehouse snapshots; {@code current.duckdb} is the newest. */
  public Path snapshots() {
    return root.resolve("snapshots");
  }

  /** Parquet copies of every table, for dashboards and other engines. */
  public Path lake() {
    return root.resolve("lake");
  }

  /** The public feed: indicator values and the sex-by-age mart, small cells suppressed. */
  public Path publicFeed() {
    return root.resolve("public");
  }

  /** Rejected rows with their raw values; readable by the operator only. */
  public Path quarantine() {
    return root.resolve("quarantine");
  }

  /** The command's logs, rotated daily ({@code wds.log}, then {@code wds.<date>.log.gz}). */
  public Path logs() {
    return root.resolve("logs");
  }

  /**
   * Creates the home's folders and sets the modes of what is in them ({@link HomeModes}): state,
   * work database and quarantine operator-only (0700), snapshots and lake for the group (0750).
   */
  public WdsHome create() {
    try {
      for (Path dir :
          new Path[] {
            drop(),
            workDatabase().getParent(),
            snapshots(),
            lake(),
            publicFeed(),
            state(),
            quarantine(),
            logs()
          }) {
        Files.createDirectories(dir);
      }
      if (!Files.isWritable(root)) {
        throw new IOException("not writable");
      }
      // state, work database and quarantine operator-only; snapshots and lake for the group
      HomeModes.apply(this);
      return this;
    } catch (IOException e) {
      throw new OperatorException(
          "cannot write the home "
              + root
              + " ("
              + OneLine.of(e)
              + "): give it to the operator's account or choose another with --home",
          e);
    }
  }
}
