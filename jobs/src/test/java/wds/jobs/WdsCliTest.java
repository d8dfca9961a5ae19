package wds.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as {@code main} builds it: only the subcommand the arguments name. */
class WdsCliTest {

  @Test
  void aNamedCommandIsBuiltAlone_EvenAfterATopLevelOption() {
    assertThat(WdsCli.commandLine("query", "--home", "x", "select 1").getSubcommands().keySet())
        .containsExactly("query");
    assertThat(WdsCli.commandLine("--verbose", "status").getSubcommands().keySet())
        .containsExactly("status");
  }

  @Test
  void helpNoCommandAndAMistypedOneGetEveryCommand() {
    int all = WdsCli.commandLine().getSubcommands().size();
    assertThat(all).isGreaterThan(15);
    assertThat(WdsCli.commandLine().getSubcommands()).containsKeys("benchmark-start", "query");
    assertThat(WdsCli.commandLine("--help").getSubcommands()).hasSize(all);
    assertThat(WdsCli.commandLine().getSubcommands()).hasSize(all);
    assertThat(WdsCli.commandLine("help", "query").getSubcommands()).hasSize(all);
    assertThat(WdsCli.commandLine("querry", "select 1").getSubcommands()).hasSize(all);
  }

  @Test
  void aMistypedCommandStillExitsTwoWithDidYouMean() {
    CommandOutput result = CommandOutput.run("querry", "select 1");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Did you mean").contains("query");
  }

  @Test
  void versionAloneNeedsNoCommandAndPrintsTheVersion() {
    assertThat(WdsCli.commandLine("--version").getSubcommands()).isEmpty();
    CommandOutput result = CommandOutput.run("--version");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("wds 0.1.0");
  }

  @Test
  void benchmarkStartWithoutASnapshotIsRefusedInOneLine(@TempDir Path home) {
    CommandOutput result = CommandOutput.run("benchmark-start", "--home", home.toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.err()).contains("no warehouse snapshot").contains("wds demo --home");
  }
}
