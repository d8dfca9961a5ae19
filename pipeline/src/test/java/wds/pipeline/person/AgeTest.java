package wds.pipeline.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AgeTest {

  @Test
  void on_DayBeforeBirthday_IsOneLess() {
    LocalDate birth = LocalDate.of(1986, 12, 31);
    assertThat(Age.on(birth, LocalDate.of(2021, 12, 30))).isEqualTo(34);
    assertThat(Age.on(birth, LocalDate.of(2021, 12, 31))).isEqualTo(35);
  }

  @Test
  void on_LeapDayBirth_TurnsOlderOnFirstMarchInCommonYears() {
    LocalDate birth = LocalDate.of(2000, 2, 29);
    assertThat(Age.on(birth, LocalDate.of(2021, 2, 28))).isEqualTo(20);
    assertThat(Age.on(birth, LocalDate.of(2021, 3, 1))).isEqualTo(21);
  }
}
