package wds.pipeline.person;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Age in completed years, the way the warehouse reads it (warehouse.md, "Reading an age"). */
public final class Age {

  private Age() {}

  /**
   * Completed years on {@code day} of a person born on {@code birthDate}; someone born on 29
   * February turns a year older on 1 March in common years.
   */
  public static int on(LocalDate birthDate, LocalDate day) {
    if (day.isBefore(birthDate)) {
      throw new IllegalArgumentException("day before birth");
    }
    return (int) ChronoUnit.YEARS.between(birthDate, day);
  }
}
