package wds.jobs.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.jobs.WdsCli;

class BenchmarkLoadCommandTest {

  @TempDir Path tmp;

  @Test
  void benchmark_WhenRunTwice_ThenItReportsTheColdAndWarmLoadsAgainstTheCeiling() {
    Path home = tmp.resolve("home");
    String out = benchmark(0, "--persons", "3000", "--runs", "2", "--home", home.toString());

    long generated = number(out, "generated 3,000 persons: \\d+ files, ([\\d,]+) rows");
    // every generated row is read by the loader, in each run
    assertThat(number(out, "loader   : ([\\d,]+) rows in")).isEqualTo(generated);
    assertThat(out).containsPattern("load run-1: [\\d.]+ s, CPU [\\d.]+ s");
    assertThat(out).containsPattern("load run-2: [\\d.]+ s, CPU [\\d.]+ s");
    assertThat(out)
        .containsPattern(
            "warm     : median of the 1 later loads [\\d.]+ s.*, \\d+\\.\\d\\d of the ceiling");
    assertThat(out).containsPattern("read_csv : [\\d,]+ rows in [\\d.]+ s .*median of 2");
    assertThat(out).containsPattern("ratio    : \\d+\\.\\d\\d of the ceiling");
    // the same two as whole processes, start to exit
    assertThat(out)
        .containsPattern(
            "wds load : wall [\\d.]+ s, CPU [\\d.]+ s, peak RSS [\\d,]+ MB = [\\d,]+ rows/s");
    assertThat(out)
        .containsPattern(
            "read_csv : wall [\\d.]+ s, CPU [\\d.]+ s, peak RSS [\\d,]+ MB = [\\d,]+ rows/s");
    assertThat(out).containsPattern("ratio    : \\d+\\.\\d\\d of the ceiling, whole process");
    // the runs' databases are gone; the delivery stays for a second look
    assertThat(home.resolve("benchmark/run-1")).doesNotExist();
    assertThat(home.resolve("benchmark/ceiling-1.duckdb")).doesNotExist();
    assertThat(home.resolve("benchmark/unordered-2.duckdb")).doesNotExist();
    assertThat(home.resolve("benchmark/whole-1")).doesNotExist();
    assertThat(home.resolve("benchmark/whole-read_csv-2")).doesNotExist();
    assertThat(Files.isDirectory(home.resolve("benchmark/drop"))).isTrue();
  }

  @Test
  void benchmark_WhenRunsIsZero_ThenItIsRefusedBeforeAnythingIsGenerated() {
    Path home = tmp.resolve("home");
    String out = benchmark(2, "--runs", "0", "--home", home.toString());
    assertThat(out).contains("--runs must be at least 1");
    assertThat(home.resolve("benchmark")).doesNotExist();
  }

  /** Runs {@code wds benchmark-load args}, expecting its exit code; returns what it printed. */
  private static String benchmark(int exitCode, String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "benchmark-load";
    System.arraycopy(args, 0, command, 1, args.length);
    return LoadCommandTest.captured(
        () -> assertThat(WdsCli.commandLine().execute(command)).isEqualTo(exitCode));
  }

  private static long number(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("output matches %s:%n%s", regex, text).isTrue();
    return Long.parseLong(m.group(1).replace(",", ""));
  }
}
