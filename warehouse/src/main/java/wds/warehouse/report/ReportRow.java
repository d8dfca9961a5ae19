package wds.warehouse.report;

/**
 * One {@code indicator_value} row that a report states, with the warehouse's exact numbers
 * (rounding belongs to the text only).
 *
 * @param areaLevel {@code county} or {@code township}
 * @param sex {@code 0} all, {@code 1} men, {@code 2} women
 * @param status the row's status; {@code withheld} where the public feed withholds it
 * @param suppressed the feed's suppression flag ({@code primary}, {@code secondary}); null when
 *     shown
 */
public record ReportRow(
    String indicatorCode,
    int year,
    String areaCode,
    String areaName,
    String areaLevel,
    String residence,
    String sex,
    Double numerator,
    Double denominator,
    Double value,
    Double ciLow,
    Double ciHigh,
    String status,
    boolean provisional,
    String suppressed) {

  /** Whether the public feed withholds this row. */
  public boolean withheld() {
    return suppressed != null;
  }

  /** The county's headline row: residence all, sex 0. */
  public boolean headline() {
    return "county".equals(areaLevel) && "all".equals(residence) && "0".equals(sex);
  }
}
