package wds.pipeline.person;

import java.time.DateTimeException;
import java.time.LocalDate;
import wds.pipeline.person.InvalidIdentityNumberException.Fault;

/**
 * A resident identity number of GB 11643-1999, normalised to 18 characters with an upper-case check
 * character. It carries the birth date and sex it encodes. {@link #toString()} never shows the
 * number: only {@link #normalised()} does, and that goes to the pseudonymiser and nowhere else.
 */
public final class IdentityNumber {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  /** Birth dates before this year are taken for typing errors, not for people alive now. */
  private static final int EARLIEST_BIRTH_YEAR = 1880;

  private final String number;
  private final LocalDate birthDate;
  private final Sex sex;

  private IdentityNumber(String number, LocalDate birthDate, Sex sex) {
    this.number = number;
    this.birthDate = birthDate;
    this.sex = sex;
  }

  /**
   * Parses an 18-character number (lower-case {@code x} accepted) or a legacy 15-digit one (century
   * 19, converted to 18 characters with its check character computed). Surrounding blanks are
   * ignored.
   *
   * @throws InvalidIdentityNumberException {@link Fault#FORMAT} for a wrong length or character or
   *     an impossible birth date, {@link Fault#CHECKSUM} for a wrong check character
   */
  public static IdentityNumber parse(String raw) throws InvalidIdentityNumberException {
    String s = raw == null ? "" : raw.strip();
    String eighteen;
    if (s.length() == 15) {
      requireDigits(s, 15);
      String first17 = s.substring(0, 6) + "19" + s.substring(6);
      eighteen = first17 + checkCharacter(first17);
    } else if (s.length() == 18) {
      requireDigits(s, 17);
      char last = Character.toUpperCase(s.charAt(17));
      if (!(last >= '0' && last <= '9') && last != 'X') {
        throw new InvalidIdentityNumberException(Fault.FORMAT, "check character is not 0-9 or X");
      }
      eighteen = s.substring(0, 17) + last;
    } else {
      throw new InvalidIdentityNumberException(
          Fault.FORMAT, "length " + s.length() + ", expected 18 (or legacy 15)");
    }
    // a format fault (an impossible birth date) is reported before a checksum fault
    LocalDate birth = birthDate(eighteen);
    if (checkCharacter(eighteen) != eighteen.charAt(17)) {
      throw new InvalidIdentityNumberException(Fault.CHECKSUM, "check character does not match");
    }
    Sex sex = (eighteen.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    return new IdentityNumber(eighteen, birth, sex);
  }

  /**
   * Builds a valid 18-character number from its parts.
   *
   * @param area six-digit area code
   * @param birthDate the birth date to encode
   * @param sequence 0-999; its parity must match {@code sex} (odd men, even women)
   */
  public static IdentityNumber of(String area, LocalDate birthDate, int sequence) {
    if (area.length() != 6 || sequence < 0 || sequence > 999) {
      throw new IllegalArgumentException("area must have 6 digits, sequence 0-999");
    }
    String first17 =
        area
            + String.format(
                "%04d%02d%02d%03d",
                birthDate.getYear(),
                birthDate.getMonthValue(),
                birthDate.getDayOfMonth(),
                sequence);
    try {
      return parse(first17 + checkCharacter(first17));
    } catch (InvalidIdentityNumberException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  /** The ISO 7064 MOD 11-2 check character of the first 17 digits of {@code digits}. */
  public static char checkCharacter(CharSequence digits) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (digits.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }

  /** The normalised 18-character number. Pass it to the pseudonymiser only. */
  public String normalised() {
    return number;
  }

  /** The legacy 15-digit form of this number (only for people born in the 1900s). */
  public String legacyForm() {
    if (!number.startsWith("19", 6)) {
      throw new IllegalStateException("only numbers of the 1900s have a 15-digit form");
    }
    return number.substring(0, 6) + number.substring(8, 17);
  }

  public LocalDate birthDate() {
    return birthDate;
  }

  public Sex sex() {
    return sex;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdentityNumber other && other.number.equals(number);
  }

  @Override
  public int hashCode() {
    return number.hashCode();
  }

  @Override
  public String toString() {
    return "IdentityNumber[****]";
  }

  private static void requireDigits(String s, int count) throws InvalidIdentityNumberException {
    for (int i = 0; i < count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new InvalidIdentityNumberException(
            Fault.FORMAT, "character " + (i + 1) + " is not a digit");
      }
    }
  }

  private static LocalDate birthDate(String eighteen) throws InvalidIdentityNumberException {
    int year = Integer.parseInt(eighteen, 6, 10, 10);
    int month = Integer.parseInt(eighteen, 10, 12, 10);
    int day = Integer.parseInt(eighteen, 12, 14, 10);
    if (year < EARLIEST_BIRTH_YEAR) {
      throw new InvalidIdentityNumberException(Fault.FORMAT, "birth year before 1880");
    }
    try {
      return LocalDates.of(year, month, day);
    } catch (DateTimeException e) {
      throw new InvalidIdentityNumberException(Fault.FORMAT, "birth date is not a calendar date");
    }
  }
}
