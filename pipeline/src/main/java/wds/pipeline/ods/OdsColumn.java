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
 */
public record OdsColumn(String name, String sqlType, Class<?> javaType, boolean key) {}
