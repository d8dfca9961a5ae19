package wds.pipeline.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wds.pipeline.person.IdentityNumber;

class PseudonymiserTest {

  private static final IdentityNumber PERSON =
      IdentityNumber.of("652323", LocalDate.of(1990, 5, 1), 122);

  @TempDir Path dir;

  @Test
  void aMissingKeyFileIsCreatedPrivateAndGivesTheSameKeysOnReload() throws IOException {
    Path keyFile = dir.resolve("state/secret/pseudonym.key");

    Pseudonymiser first = Pseudonymiser.load(keyFile, true, Map.of());
    Pseudonymiser again = Pseudonymiser.load(keyFile, false, Map.of());

    assertThat(Files.getPosixFilePermissions(keyFile))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(keyFile.getParent()))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(Base64.getDecoder().decode(Files.readString(keyFile).strip())).hasSize(32);
    assertThat(again.key(PERSON)).isEqualTo(first.key(PERSON));
  }

  @Test
  void theEnvironmentVariableWinsOverTheFile() throws IOException {
    Path keyFile = dir.resolve("pseudonym.key");
    Pseudonymiser fromFile = Pseudonymiser.load(keyFile, true, Map.of());
    byte[] secret = "a secret from the environment".getBytes(StandardCharsets.US_ASCII);
    String base64 = Base64.getEncoder().encodeToString(secret);

    Pseudonymiser fromEnv = Pseudonymiser.load(keyFile, false, Map.of(Pseudonymiser.ENV, base64));

    assertThat(fromEnv.key(PERSON)).isEqualTo(Pseudonymiser.fromKey(secret).key(PERSON));
    assertThat(fromEnv.key(PERSON)).isNotEqualTo(fromFile.key(PERSON));
  }

  @Test
  void aMissingKeyIsAnErrorWhenNotToBeCreated() {
    Path keyFile = dir.resolve("none.key");

    assertThatThrownBy(() -> Pseudonymiser.load(keyFile, false, Map.of()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(Pseudonymiser.ENV)
        .hasMessageContaining("none.key");
    assertThat(keyFile).doesNotExist();
  }

  @Test
  void badSecretsAreRefusedWithoutShowingThem() throws IOException {
    String notBase64 = "this is !!! not base64 at all";
    String tooShort =
        Base64.getEncoder().encodeToString("short".getBytes(StandardCharsets.US_ASCII));
    Path keyFile = dir.resolve("short.key");
    Files.writeString(keyFile, tooShort);

    assertThatThrownBy(
            () -> Pseudonymiser.load(keyFile, false, Map.of(Pseudonymiser.ENV, notBase64)))
        .isInstanceOf(IOException.class)
        .hasMessageNotContaining(notBase64)
        .hasMessageNotContaining("!!!");
    assertThatThrownBy(() -> Pseudonymiser.load(keyFile, false, Map.of()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("5 bytes")
        .hasMessageNotContaining(tooShort);
  }

  @Test
  void aPersonKeyIsTheHexHmacOfTheNormalisedNumber() throws Exception {
    byte[] secret = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
    String expected =
        java.util.HexFormat.of()
            .formatHex(mac.doFinal(PERSON.normalised().getBytes(StandardCharsets.US_ASCII)));

    assertThat(Pseudonymiser.fromKey(secret).key(PERSON)).isEqualTo(expected);
    assertThat(Pseudonymiser.fromKey(secret).toString()).doesNotContain("0123456789abcdef");
  }
}
