package wds.schemas;

import java.util.Locale;

/**
 * A column type of the sources contract, refined by meaning where the contract's plain type hides
 * one: an identity number and an area code are both delivered as strings, but each is validated and
 * normalised in its own way.
 */
public enum ColumnType {
  /** Free text. */
  STR,
  /** A whole number. */
  INT,
  /** A decimal number. */
  DEC,
  /** An ISO {@code yyyy-MM-dd} date. */
  DATE,
  /** An ISO local date-time in county time (UTC+8). */
  TS,
  /** {@code Y} or {@code N}; empty means not known. */
  FLAG,
  /**
   * A value from a code list (the column's {@code codes}, {@code codes_from} or {@code pattern}).
   */
  CODE,
  /** A GB 11643 resident identity number; pseudonymised on load, never stored. */
  ID_NUMBER,
  /** A 12-digit statistical division code that must be present in the {@code areas} extract. */
  AREA;

  /** The name used in the schema files ({@code id_number}, {@code date}, ...). */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ColumnType fromYaml(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT));
  }
}
