package wds.pipeline.ods;

/**
 * One column of an operational-layer table.
 *
 * @param name column name in the warehouse
 * @param sqlType DuckDB type ({@code VARCHAR}, {@code BIGINT}, {@code DECIMAL(18,4)}, {@code DATE},
 *     {@code TIMESTAMP}, {@code BOOLEAN})
 * @param javaType the Java type a validated value of this column has ({@code String}, {@code Long},
 *     {@code BigDecimal}, {@code LocalDate}, {@code LocalDateTime}, {@code Boolean})
 * @param key part of the primary key
 * @param pseudonym its values are keyed hashes from the pseudonymiser (64 hex digits): a person
 *     key, or a pseudonymised text
 */
public record OdsColumn(
    String name, String sqlType, Class<?> javaType, boolean key, boolean pseudonym) {

  /** A column whose values are as delivered (not pseudonyms). */
  public OdsColumn(String name, String sqlType, Class<?> javaType, boolean key) {
    this(name, sqlType, javaType, key, false);
  }
}
