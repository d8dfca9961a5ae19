package wds.pipeline.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import wds.pipeline.person.InvalidIdentityNumberException.Fault;

class IdentityNumberTest {

  @Test
  void parse_KnownValidNumber_GivesBirthDateSexAndCheckCharacter() throws Exception {
    // GB 11643-1999's own example: 11010519491231002X, a woman born 31 December 1949
    IdentityNumber id = IdentityNumber.parse("11010519491231002x");
    assertThat(id.normalised()).isEqualTo("11010519491231002X");
    assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    assertThat(id.sex()).isEqualTo(Sex.FEMALE);
  }

  @Test
  void parse_LegacyFifteenDigits_ConvertsToEighteenWithCentury19() throws Exception {
    IdentityNumber id = IdentityNumber.parse("110105491231002");
    assertThat(id.normalised()).isEqualTo("11010519491231002X");
    assertThat(id.legacyForm()).isEqualTo("110105491231002");
  }

  @Test
  void parse_WrongCheckCharacter_IsChecksumFault() {
    assertThatThrownBy(() -> IdentityNumber.parse("110105194912310021"))
        .isInstanceOfSatisfying(
            InvalidIdentityNumberException.class,
            e -> assertThat(e.fault()).isEqualTo(Fault.CHECKSUM));
  }

  @Test
  void parse_ImpossibleBirthDateOrBadCharacters_IsFormatFault() {
    for (String bad :
        new String[] {"", "1234", "11010519490231002X", "1101051949123100AX", "110105491331002"}) {
      assertThatThrownBy(() -> IdentityNumber.parse(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              InvalidIdentityNumberException.class,
              e -> assertThat(e.fault()).isEqualTo(Fault.FORMAT));
    }
  }

  @Test
  void faultMessages_NeverContainTheNumber() {
    assertThatThrownBy(() -> IdentityNumber.parse("110105194912310021"))
        .hasMessageNotContaining("110105194912310021");
    assertThat(IdentityNumber.of("652323", LocalDate.of(1990, 1, 1), 12).toString())
        .doesNotContain("652323");
  }

  /** Seeds of the property tests: each gives one random person, the same on every run. */
  static LongStream seeds() {
    return LongStream.range(0, 2_000);
  }

  private static LocalDate randomBirth(Random random, int fromYear, int toYear) {
    long from = LocalDate.of(fromYear, 1, 1).toEpochDay();
    long to = LocalDate.of(toYear, 12, 31).toEpochDay();
    return LocalDate.ofEpochDay(from + (long) (random.nextDouble() * (to - from + 1)));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void of_AnyPerson_RoundTripsThroughParse(long seed) throws Exception {
    Random random = new Random(seed);
    LocalDate birth = randomBirth(random, 1900, 2030);
    int sequence = random.nextInt(1000);
    IdentityNumber id = IdentityNumber.of("652323", birth, sequence);
    IdentityNumber parsed = IdentityNumber.parse(id.normalised().toLowerCase());
    assertThat(parsed).isEqualTo(id);
    assertThat(parsed.birthDate()).isEqualTo(birth);
    assertThat(parsed.sex()).isEqualTo(sequence % 2 == 1 ? Sex.MALE : Sex.FEMALE);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void parse_AnySingleDigitChanged_IsRejected(long seed) {
    Random random = new Random(seed);
    String number =
        IdentityNumber.of("652323", randomBirth(random, 1900, 2030), random.nextInt(1000))
            .normalised();
    int position = random.nextInt(17);
    char changed = (char) ('0' + (number.charAt(position) - '0' + 1 + random.nextInt(9)) % 10);
    String typo = number.substring(0, position) + changed + number.substring(position + 1);
    // MOD 11-2 detects every single-digit error: the typo never passes as a valid number
    assertThatThrownBy(() -> IdentityNumber.parse(typo))
        .isInstanceOf(InvalidIdentityNumberException.class);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void legacyForm_BornIn1900s_ParsesBackToTheSameNumber(long seed) throws Exception {
    Random random = new Random(seed);
    IdentityNumber id =
        IdentityNumber.of("652323", randomBirth(random, 1900, 1999), random.nextInt(1000));
    assertThat(IdentityNumber.parse(id.legacyForm())).isEqualTo(id);
  }
}
