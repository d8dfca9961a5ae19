package wds.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import wds.jobs.WdsCli;

/** {@code wds generate} on the command line, as an operator runs it. */
class GenerateCommandTest {

  @TempDir Path tmp;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cli = WdsCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void generateHelp_WhenAsked_ThenListsEveryOption() {
    Run r = run("generate", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("--out", "--persons", "--seed", "--years", "--date", "--bad-rows")
        .contains("--education-format", "--delta-from", "--home");
  }

  @Test
  void generate_WhenRunOnASmallCounty_ThenWritesAFullDeliveryAndItsDelta() {
    Path full = tmp.resolve("full");
    Run r =
        run(
            "generate",
            "--home",
            tmp.resolve("home").toString(),
            "--out",
            full.toString(),
            "--persons",
            "1500",
            "--seed",
            "5",
            "--bad-rows",
            "0.001");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("full delivery of 2026-01-15", "15 files");
    assertThat(full.resolve("health").resolve("births_20260115.csv")).exists();
    assertThat(full.resolve("civil").resolve("manifest_20260115.json")).exists();
    assertThat(full.resolve("injected-faults.csv")).exists();

    Run d =
        run("generate", "--delta-from", full.toString(), "--out", tmp.resolve("delta").toString());
    assertThat(d.exit()).as(d.err()).isZero();
    assertThat(d.out()).contains("delta delivery of 2026-01-16");
    assertThat(tmp.resolve("delta").resolve("hr").resolve("manifest_20260116.json")).exists();
  }

  @Test
  void generate_WhenTheCountyIsTakenFromTheDeltaSource_ThenRefusesCountyOptions() {
    Run r =
        run(
            "generate",
            "--delta-from",
            tmp.toString(),
            "--out",
            tmp.resolve("x").toString(),
            "--persons",
            "100");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("--delta-from");
  }
}
