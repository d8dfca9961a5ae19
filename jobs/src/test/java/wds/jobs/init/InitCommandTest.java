package wds.jobs.init;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.jobs.CommandOutput;

class InitCommandTest {

  @TempDir Path dir;

  @Test
  void initCreatesTheLayoutAndAnOperatorOnlySecretAndSaysWhyToBackItUp() throws IOException {
    Path home = dir.resolve("home");

    CommandOutput run = CommandOutput.run("init", "--home", home.toString());

    assertThat(run.exitCode()).isZero();
    for (String folder :
        new String[] {"drop", "warehouse", "snapshots", "lake", "public", "state", "quarantine"}) {
      assertThat(home.resolve(folder)).isDirectory();
    }
    Path key = home.resolve("state/pseudonym.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    assertThat(Base64.getDecoder().decode(Files.readString(key).strip())).hasSize(32);
    assertThat(run.out()).contains(key.toString(), "Back it up", "tomorrow's keys do not");
    assertThat(run.out()).doesNotContain(Files.readString(key).strip());
  }

  @Test
  void initRefusesToReplaceAnExistingSecret() throws IOException {
    Path home = dir.resolve("home");
    assertThat(CommandOutput.run("init", "--home", home.toString()).exitCode()).isZero();
    String secret = Files.readString(home.resolve("state/pseudonym.key"));

    CommandOutput again = CommandOutput.run("init", "--home", home.toString());

    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.errLines())
        .singleElement()
        .asString()
        .contains("has a pseudonymisation secret already", "never replaces");
    assertThat(Files.readString(home.resolve("state/pseudonym.key"))).isEqualTo(secret);
  }
}
