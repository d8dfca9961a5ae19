package wds.warehouse.indicator;

/**
 * A numerator or denominator of an indicator, as a declarative query over one fact: which rows
 * count in year Y (reference), which of them (where), and what is counted (aggregate).
 *
 * @param fact the fact model ({@code fact_births})
 * @param reference the reference-day rule
 * @param yearOffset for {@link Reference#EVENT}: read year Y + offset (-8: the school year eight
 *     years back)
 * @param windowYears for {@link Reference#WINDOW}: the number of years up to Y
 * @param where a SQL condition on the fact's columns and {@code age_ref} (age on the reference
 *     day); {@code true} when the part takes every row
 * @param aggregate what is counted
 */
public record Part(
    String fact,
    Reference reference,
    int yearOffset,
    int windowYears,
    String where,
    Aggregate aggregate) {}
