package wds.warehouse.indicator;

import java.util.Locale;

/** Where an indicator's values come from. */
public enum Basis {
  /** Computed by the engine from the record extracts. */
  COMPUTED,
  /** Reported by the responsible department (reports/indicator_reports). */
  REPORTED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Basis of(String code) {
    return valueOf(code.strip().toUpperCase(Locale.ROOT));
  }
}
