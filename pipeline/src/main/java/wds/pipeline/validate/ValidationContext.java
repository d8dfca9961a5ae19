package wds.pipeline.validate;

import java.time.LocalDate;
import java.util.Set;
import wds.pipeline.pseudonym.Pseudonymiser;

/**
 * What a row is checked against beyond its own schema.
 *
 * @param extractDate the delivery's extract date (a JDBC pull: its day); later event dates are
 *     {@code FUTURE_DATE}
 * @param areaCodes every code of the {@code areas} extract known to the warehouse
 * @param indicatorCodes every code of the indicator catalogue
 * @param pseudonymiser turns identity numbers into person keys
 */
public record ValidationContext(
    LocalDate extractDate,
    Set<String> areaCodes,
    Set<String> indicatorCodes,
    Pseudonymiser pseudonymiser) {}
