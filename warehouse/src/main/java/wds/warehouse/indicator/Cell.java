package wds.warehouse.indicator;

/**
 * One cell of an indicator: a year, an area (the county or a township), a residence ({@code all},
 * {@code urban}, {@code rural}) and a sex ({@code 0} all, {@code 1} men, {@code 2} women).
 */
public record Cell(int year, String areaCode, String residence, String sex) {}
