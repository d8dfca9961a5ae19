package wds.warehouse.indicator;

/** An area indicators are given for: the county or a township or farm. */
public record Area(String code, String name, String level) {

  public boolean county() {
    return "county".equals(level);
  }
}
