package wds.warehouse.indicator;

import java.util.Locale;

/** The reference-day rule of an indicator part: which fact rows count in year Y. */
public enum Reference {
  /**
   * Rows whose year is Y (+ year_offset): events in their date's year, a school year, a population
   * year. Age is the row's own (at the event; population ages as delivered).
   */
  EVENT("wds/warehouse/engine/reference_event.sql"),
  /** Rows dated in the window_years years up to Y (Y-4..Y). Age on 31 December Y. */
  WINDOW("wds/warehouse/engine/reference_window.sql"),
  /** Spells active on 31 December Y. Age on that day. */
  YEAR_END("wds/warehouse/engine/reference_year_end.sql");

  private final String template;

  Reference(String template) {
    this.template = template;
  }

  /** The SQL file selecting the rows of a part per year. */
  public String template() {
    return template;
  }

  public static Reference of(String code) {
    return valueOf(code.strip().toUpperCase(Locale.ROOT));
  }
}
