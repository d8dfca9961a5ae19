package wds.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operator errors: one line on stderr without a stack trace, exit code 1, and nothing changed in
 * the home; a mistyped command or option: exit code 2 with picocli's suggestion, {@code --help} or
 * not.
 */
class OperatorErrorsTest {

  @TempDir Path dir;

  @Test
  void anUnknownCommandExitsTwoWithDidYouMeanEvenWithHelp() {
    CommandOutput run = CommandOutput.run("stauts", "--help");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unmatched argument", "'stauts'", "Did you mean", "status");
    assertThat(run.out()).doesNotContain("Commands:");
  }

  @Test
  void anUnknownOptionExitsTwoNamingItAndTheOptionsThereAre() {
    CommandOutput run = CommandOutput.run("load", "--dorp", "x", "--help");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown options: '--dorp', 'x'").contains("--drop=DIR");
  }

  @Test
  void aDropFolderThatDoesNotExistIsRefusedInOneLineAndTheHomeIsUnchanged() {
    Path home = initialisedHome();
    Map<String, String> before = CommandOutput.files(home);

    CommandOutput run =
        CommandOutput.run(
            "load", "--home", home.toString(), "--drop", dir.resolve("no/such").toString());

    assertOneLineRefusal(run, "the drop folder " + dir.resolve("no/such") + " does not exist");
    assertThat(CommandOutput.files(home)).isEqualTo(before);
  }

  @Test
  void aDropFolderThatIsAFileIsRefusedInOneLineAndTheHomeIsUnchanged() throws IOException {
    Path home = initialisedHome();
    Path file = Files.writeString(dir.resolve("drop.txt"), "not a folder");
    Map<String, String> before = CommandOutput.files(home);

    CommandOutput run =
        CommandOutput.run("nightly", "--home", home.toString(), "--drop", file.toString());

    assertOneLineRefusal(run, "is not a folder");
    assertThat(CommandOutput.files(home)).isEqualTo(before);
  }

  @Test
  void aHomeWithoutASecretIsRefusedNamingWdsInitAndTheVariableAndIsNotCreated() throws IOException {
    Path home = dir.resolve("new-home");
    Path drop = Files.createDirectories(dir.resolve("drop"));

    CommandOutput run =
        CommandOutput.run("load", "--home", home.toString(), "--drop", drop.toString());

    assertOneLineRefusal(run, "no pseudonymisation secret");
    assertThat(run.err()).contains("wds init", "WDS_PSEUDONYM_KEY");
    assertThat(home).doesNotExist();
  }

  @Test
  void aHomeThatCannotBeWrittenIsRefusedInOneLine() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Path home = file.resolve("home");

    CommandOutput run = CommandOutput.run("init", "--home", home.toString());

    assertOneLineRefusal(run, "cannot write the home " + home);
    assertThat(Files.readString(file)).isEqualTo("x");
  }

  @Test
  void aSecondWdsWritingTheSameHomeIsRefusedInOneLineAndTheHomeIsUnchanged() throws IOException {
    Path home = initialisedHome();
    Path drop = Files.createDirectories(dir.resolve("drop"));
    try (HomeLock held = HomeLock.acquire(new WdsHome(home))) {
      Map<String, String> before = CommandOutput.files(home);

      CommandOutput run =
          CommandOutput.run("load", "--home", home.toString(), "--drop", drop.toString());

      assertOneLineRefusal(run, "another wds is writing the home " + home);
      assertThat(CommandOutput.files(home)).isEqualTo(before);
    }
  }

  @Test
  void aRefusalLeavesItsStackTraceInTheHomesLog() throws IOException {
    Path home = initialisedHome();

    CommandOutput.run("load", "--home", home.toString(), "--drop", dir.resolve("gone").toString());

    String log = Files.readString(home.resolve("logs/wds.log"));
    assertThat(log).contains("ERROR", "wds load failed", "OperatorException", "\tat ");
  }

  @Test
  void anEmptyDropFolderIsNoErrorItSaysNothingIsWaiting() throws IOException {
    Path home = initialisedHome();
    Path drop = Files.createDirectories(dir.resolve("empty-drop"));

    CommandOutput run =
        CommandOutput.run("load", "--home", home.toString(), "--drop", drop.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("nothing waiting in " + drop);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void aMalformedConfigurationValueIsOneLineNamingTheSetting() throws IOException {
    Path home = initialisedHome();
    Path drop = Files.createDirectories(dir.resolve("drop"));
    System.setProperty("wds.sources.health.connector", "jdbc");
    System.setProperty("wds.sources.health.url", "postgresql://no-jdbc-prefix");
    try {
      CommandOutput run =
          CommandOutput.run("load", "--home", home.toString(), "--drop", drop.toString());

      assertOneLineRefusal(run, "a configuration value is wrong");
      assertThat(run.err()).contains("wds.sources.health.url must be a jdbc: URL");
      assertThat(home.resolve("warehouse/work.duckdb")).doesNotExist();
    } finally {
      System.clearProperty("wds.sources.health.connector");
      System.clearProperty("wds.sources.health.url");
    }
  }

  @Test
  void aServerThatRefusesTheConnectionIsOneLine() throws IOException {
    Path home = initialisedHome();
    Path drop = Files.createDirectories(dir.resolve("drop"));
    System.setProperty("wds.sources.health.connector", "jdbc");
    System.setProperty("wds.sources.health.url", "jdbc:postgresql://127.0.0.1:1/health");
    System.setProperty("wds.sources.health.user", "wds");
    try {
      CommandOutput run =
          CommandOutput.run("load", "--home", home.toString(), "--drop", drop.toString());

      assertOneLineRefusal(run, "refused");
      assertThat(run.err()).contains("127.0.0.1:1");
    } finally {
      System.clearProperty("wds.sources.health.connector");
      System.clearProperty("wds.sources.health.url");
      System.clearProperty("wds.sources.health.user");
    }
  }

  @Test
  void aPlanWithoutIndicatorsStopsTheLoadBeforeItStarts() throws IOException {
    Path home = initialisedHome();
    Path drop = Files.createDirectories(dir.resolve("drop"));
    Files.writeString(
        dir.resolve("empty.csv"),
        "code,domain,name_zh,name_en,unit,target_op,target,tolerance,basis,by_sex,numerator,"
            + "denominator,plan_item\n");
    Path plan =
        Files.writeString(
            dir.resolve("plan.yml"),
            "code: empty\nname: empty\nbaseline_year: 2020\nfirst_year: 2021\n"
                + "mid_term_year: 2023\nfinal_year: 2025\ncatalogue: empty.csv\ntargets: {}\n");
    System.setProperty("wds.publish.plan", plan.toString());
    try {
      CommandOutput run =
          CommandOutput.run("load", "--home", home.toString(), "--drop", drop.toString());

      assertOneLineRefusal(run, "the plan empty (empty.csv) has no indicators");
      assertThat(home.resolve("warehouse/work.duckdb")).doesNotExist();
    } finally {
      System.clearProperty("wds.publish.plan");
    }
  }

  @Test
  void aSettingThatIsNotANumberIsNamedWithItsValueAndWhereItCameFrom() throws IOException {
    Path home = initialisedHome();
    Path drop = Files.createDirectories(dir.resolve("drop"));
    System.setProperty("wds.load.lanes", "abc");
    try {
      CommandOutput run =
          CommandOutput.run("load", "--home", home.toString(), "--drop", drop.toString());

      assertOneLineRefusal(
          run,
          "a configuration value is wrong: wds.load.lanes = \"abc\" (\"wds.load.lanes\" from"
              + " property source \"systemProperties\"): For input string: \"abc\"");
    } finally {
      System.clearProperty("wds.load.lanes");
    }
  }

  private Path initialisedHome() {
    Path home = dir.resolve("home");
    assertThat(CommandOutput.run("init", "--home", home.toString()).exitCode()).isZero();
    return home;
  }

  static void assertOneLineRefusal(CommandOutput run, String message) {
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(1);
    assertThat(run.errLines()).singleElement().asString().contains(message);
    assertThat(run.out() + run.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
