package wds.schemas;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One column of an extract, as the sources contract describes it.
 *
 * @param name exact column name in the delivered file or table
 * @param type the column's type
 * @param required an empty value is {@code MISSING_REQUIRED}
 * @param optional the column may be absent from a file (only {@code deleted}); every other column
 *     must be present or the delivery is refused
 * @param codes the allowed values of a {@code code} column (empty: no list)
 * @param codesFrom a named code list outside this file ({@code indicators}: codes of the indicator
 *     catalogue)
 * @param pattern a regular expression the value must match in full ({@code BAD_CODE} otherwise)
 * @param min smallest allowed number, inclusive ({@code OUT_OF_RANGE} otherwise)
 * @param max largest allowed number, inclusive
 * @param rangeBy ranges that depend on another column's value: column name, then value to {@code
 *     [min, max]} (grade 1-6 in primary school, 1-3 elsewhere)
 * @param endsSpell an end date ({@code end_date}, {@code term_end}, {@code revoked_date}): exempt
 *     from the {@code FUTURE_DATE} check
 * @param requiredUnless required unless the named column holds one of the listed values (outcome
 *     date unless the pregnancy is ongoing); empty map when not conditional
 * @param sexOf for a sex column, the identity-number column whose encoded sex it must not
 *     contradict ({@code SEX_CONFLICT}); null when the sex is someone else's
 * @param pseudonymise a free-text key that may embed an identity number (the national student
 *     number is often {@code G} and the student's number): the warehouse keeps only its keyed hash
 * @param description what the column means
 */
public record Column(
    String name,
    ColumnType type,
    boolean required,
    boolean optional,
    List<String> codes,
    String codesFrom,
    String pattern,
    BigDecimal min,
    BigDecimal max,
    Map<String, Map<String, List<BigDecimal>>> rangeBy,
    boolean endsSpell,
    Map<String, List<String>> requiredUnless,
    String sexOf,
    boolean pseudonymise,
    String description) {

  public Column {
    codes = codes == null ? List.of() : List.copyOf(codes);
    rangeBy = rangeBy == null ? Map.of() : Map.copyOf(rangeBy);
    requiredUnless = requiredUnless == null ? Map.of() : Map.copyOf(requiredUnless);
  }

  /**
   * The prefix of the warehouse columns that replace an identity-number column: {@code
   * mother_id_number} becomes {@code mother_person_key}, {@code mother_id_birth_date} and {@code
   * mother_id_sex}; {@code id_number} becomes {@code person_key}, {@code id_birth_date}, {@code
   * id_sex}.
   */
  public String identityPrefix() {
    if (type != ColumnType.ID_NUMBER) {
      throw new IllegalStateException(name + " is not an identity-number column");
    }
    return name.substring(0, name.length() - "id_number".length());
  }

  /** Whether a date later than the delivery's extract date is a {@code FUTURE_DATE}. */
  public boolean checksFuture() {
    return type == ColumnType.DATE && !endsSpell;
  }
}
